#include "amount_reader.h"

#include "remedy/model/wording.h"

#include <fmt/format.h>

namespace remedy {

namespace {

// An exact decimal as money of the contract's currency.
Expected<Amount> amount_in_currency(Expected<Decimal> decimal, const Contract& contract) {
    if (!decimal)
        return fail(decimal.error());
    const int digits = contract.minor_digits;
    if (decimal->scale > digits)
        return fail(fmt::format("has {} but {} allows {}", plural(decimal->scale, "decimal"),
                                contract.currency,
                                digits == 0 ? std::string("none") : std::to_string(digits)));
    const Expected<Money> money = money_from_decimal(*decimal, digits);
    if (!money)
        return fail(money.error());
    return Amount{*money, std::nullopt};
}

// Money as the plan may write it: an integer, a decimal string, an exact float, or, where
// `percent_of_fee` allows it, a "%" share of the contract's monthly fee.
Expected<Amount> amount_from(const toml::node& node, const Contract& contract,
                             PercentOfFee percent_of_fee) {
    if (const auto* integer = node.as_integer()) {
        if (integer->get() < 0)
            return fail("must not be negative");
        return amount_in_currency(Decimal{integer->get(), 0}, contract);
    }
    if (const auto* floating = node.as_floating_point())
        return amount_in_currency(decimal_from_float(floating->get()), contract);
    const auto* string = node.as_string();
    if (!string)
        return fail(
            fmt::format("must be an amount such as \"12500.00\"{}, not {}",
                        percent_of_fee == PercentOfFee::allowed ? " or a share such as \"5%\"" : "",
                        type_name(node)));
    const std::string& text = string->get();
    if (!text.empty() && text.front() == '-')
        return fail("must not be negative");
    if (text.empty() || text.back() != '%')
        return amount_in_currency(parse_decimal(text), contract);
    if (percent_of_fee == PercentOfFee::refused)
        return fail(fmt::format("must be an amount, not a percentage ('{}')", text));
    const Expected<Percent> percent = parse_percent(text);
    if (!percent)
        return fail(percent.error());
    if (!contract.monthly_fee)
        return fail(
            fmt::format("is '{}' of the monthly fee, but contract.monthly_fee is not set", text));
    const std::optional<Money> money = percent_of(*percent, *contract.monthly_fee);
    if (!money)
        return fail("is too large to compute exactly");
    return Amount{*money, *percent};
}

} // namespace

std::optional<Amount> read_amount(TableReader& reader, std::string_view key,
                                  const Contract& contract, PercentOfFee percent_of_fee) {
    const toml::node* node = reader.node(key, Presence::optional);
    if (!node)
        return std::nullopt;
    Expected<Amount> amount = amount_from(*node, contract, percent_of_fee);
    if (!amount) {
        reader.error(position_of(node->source().begin),
                     fmt::format("{} {}", reader.qualified(key), amount.error()));
        return std::nullopt;
    }
    return *amount;
}

} // namespace remedy

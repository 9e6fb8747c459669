#pragma once

#include "remedy/model/plan.h"
#include "table_reader.h"

#include <optional>
#include <string_view>

namespace remedy {

// Money as a plan may write it under `key`: an integer, a decimal string, an exact float, or,
// where `percent_of_fee` allows it, a "%" share of contract.monthly_fee. Reports what is wrong at
// the value's place (negative, too many decimals for the currency, too large, no monthly fee).
enum class PercentOfFee { allowed, refused };
std::optional<Amount> read_amount(TableReader& reader, std::string_view key,
                                  const Contract& contract, PercentOfFee percent_of_fee);

} // namespace remedy

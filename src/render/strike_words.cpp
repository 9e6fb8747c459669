// The incidents and the ultimatum in words: the strike rule as it applies, and how each
// incident stood on the day, disputed or withdrawn with the reason.

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/judgement_words.h"

#include <fmt/format.h>

namespace remedy {

namespace {

// "disputed by Acme Managed IT on 2026-12-10: why" after `lead`, for an incident disputed on
// as_of; empty otherwise.
std::string disputed_by(const Plan& plan, const Judgement& j, std::size_t index,
                        std::string_view lead) {
    const Incident& incident = plan.incidents[index];
    if (j.incidents[index].status != IncidentStatus::disputed)
        return {};
    return fmt::format("{}disputed by {}{}: {}", lead, plan.provider.name,
                       incident.disputed ? " on " + format_iso_date(*incident.disputed) : "",
                       incident.dispute);
}

// "the high incident of 2026-11-05, disputed by ...: ...": a strike named in a sentence.
std::string strike_named(const Plan& plan, const Judgement& j, std::size_t index) {
    const Incident& incident = plan.incidents[index];
    return fmt::format("the {} incident{} of {}{}", name(incident.priority),
                       incident.id.empty() ? "" : " " + incident.id, format_iso_date(incident.date),
                       disputed_by(plan, j, index, ", "));
}

} // namespace

std::string dispute_text(const Plan& plan, const Judgement& j, std::size_t index) {
    const std::string words = disputed_by(plan, j, index, "");
    return words.empty() ? words : " (" + words + ")";
}

std::string strike_rule_text(const Plan& plan, const Judgement& j) {
    if (!j.warning)
        return "No final warning has been given: no incident counts against the remediation.";
    const date::sys_days warning = *j.warning;
    const date::sys_days window_end = j.strike_window_end;
    const int strikes = static_cast<int>(j.strikes.size());
    if (strikes >= j.strike_limit)
        return fmt::format("The incidents after {} reached the ultimatum's limit of {}.",
                           format_iso_date(warning), j.strike_limit);
    if (j.as_of > window_end)
        return fmt::format("The ultimatum's window closed on {}: a later incident does not count "
                           "against it.",
                           format_iso_date(window_end));
    const int left = j.strike_limit - strikes;
    const std::string incidents = left == 1 ? "incident" : "incidents";
    const std::string count =
        left == 1 ? "one" : std::to_string(left) + (strikes == 0 ? " incidents in all" : "");
    std::string so_far;
    for (std::size_t index : j.strikes)
        so_far += (so_far.empty() ? ": " : "; ") + strike_named(plan, j, index);
    return fmt::format(
        "After {} and until {}, {}{}{} of priority {} or higher {} {} to terminate {}{}.",
        format_iso_date(warning), format_iso_date(window_end), count, strikes == 0 ? "" : " more",
        left > 1 && strikes == 0 ? std::string() : " " + incidents, name(plan.ultimatum.severity),
        left == 1 ? "entitles" : "entitle", plan.client.name, agreement_text(plan),
        strikes == 0 ? std::string()
                     : fmt::format(" ({} of {} so far{})", strikes, j.strike_limit, so_far));
}

std::string strike_terms_text(const Plan& plan, const Judgement& j) {
    // A warning not given yet (or dated after the letter) is a fact the letter cannot state.
    if (!j.warning)
        return "Incidents are recorded from now on; none counts against the remediation before "
               "a final warning.";
    const int limit = j.strike_limit;
    return fmt::format("After {} and until {}, {} of priority {} or higher {} {} to terminate {}.",
                       format_iso_date(*j.warning), format_iso_date(j.strike_window_end),
                       limit == 1 ? std::string("one incident")
                                  : fmt::format("{} incidents in all", limit),
                       name(plan.ultimatum.severity), limit == 1 ? "entitles" : "entitle",
                       plan.client.name, agreement_text(plan));
}

std::string incident_standing_text(const Plan& plan, const Judgement& j, std::size_t index) {
    const Incident& incident = plan.incidents[index];
    const IncidentJudgement& judged = j.incidents[index];
    std::string standing;
    switch (judged.standing) {
    case StrikeStanding::strike:
        standing =
            judged.strike <= j.strike_limit
                ? fmt::format("strike {} of {}", judged.strike, j.strike_limit)
                : fmt::format("strike {}, past the limit of {}", judged.strike, j.strike_limit);
        break;
    case StrikeStanding::not_yet:
        standing = "not a strike: not happened yet";
        break;
    case StrikeStanding::withdrawn:
        standing = fmt::format("not a strike: withdrawn{}: {}",
                               incident.withdrawn ? " on " + format_iso_date(*incident.withdrawn)
                                                  : std::string(),
                               incident.dispute);
        break;
    case StrikeStanding::no_warning:
        standing = "not a strike: no final warning was given";
        break;
    case StrikeStanding::before_warning:
        standing =
            fmt::format("not a strike: not after the warning of {}", format_iso_date(*j.warning));
        break;
    case StrikeStanding::below_severity:
        standing = fmt::format("not a strike: below {}", name(plan.ultimatum.severity));
        break;
    case StrikeStanding::after_window:
        standing = fmt::format("not a strike: after the ultimatum's window, which closed on {}",
                               format_iso_date(j.strike_window_end));
        break;
    }
    return standing + disputed_by(plan, j, index, "; ");
}

} // namespace remedy

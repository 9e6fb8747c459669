#pragma once

// What the comparisons of plan_changes share (private to the model): the list they fill, the
// words of values, and the comparisons themselves, one file for each kind of fact:
// issue_changes.cpp, dated_fact_changes.cpp (incidents, extensions, pauses, credits) and
// term_changes.cpp (the contract's terms, the settings, the files beside the plan).

#include "remedy/model/plan.h"
#include "remedy/model/plan_changes.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

std::string day_text(std::optional<date::sys_days> day);
std::string joined(const std::vector<std::string>& items);

// The words for a before -> after change of one value: "set to X", "X removed", "changed from
// X to Y".
std::string from_to(std::string_view before, std::string_view after);

// The changes one commit made, each flagged as it is added.
class ChangeList {
public:
    ChangeList(date::sys_days recorded_on, date::sys_days timebox_start)
        : recorded_on_(recorded_on), timebox_start_(timebox_start) {}

    // The day a waiver without a date takes effect: the start, as far back as it can reach.
    date::sys_days waived_on(const Issue& issue) const {
        return issue.waived.value_or(timebox_start_);
    }

    // A fact recorded by this commit: flagged when its date is well before the commit, or after.
    void record(ChangeTopic topic, ChangeAction action, std::string subject, std::string text,
                std::optional<date::sys_days> dated, unsigned flags = 0);

    // One value of something recorded earlier changed; nothing when it did not (false).
    bool value(ChangeTopic topic, std::string subject, std::string field, std::string before,
               std::string after, std::string text, unsigned flags = 0,
               std::optional<date::sys_days> dated = std::nullopt);

    // A value of the contract's terms, in the words `before_words` and `after_words` (the
    // values themselves when none are given: an amount is said with its currency).
    void term(std::string field, std::string before, std::string after,
              std::optional<std::string> before_words = std::nullopt,
              std::optional<std::string> after_words = std::nullopt);

    // The last change added: the comparisons add what the owners' table reads (its `state`).
    RecordChange& last() { return changes_.back(); }

    std::vector<RecordChange> take() { return std::move(changes_); }

private:
    void add(RecordChange change);

    date::sys_days recorded_on_;
    date::sys_days timebox_start_;
    std::vector<RecordChange> changes_;
};

// The comparisons, each adding to `list` what changed from the first plan to the second.
void compare_issues(ChangeList& list, const std::vector<Issue>& before,
                    const std::vector<Issue>& after);
void compare_incidents(ChangeList& list, const Plan& before, const Plan& after);
void compare_extensions(ChangeList& list, const Timebox& before, const Timebox& after);
void compare_pauses(ChangeList& list, const std::vector<Pause>& before,
                    const std::vector<Pause>& after);
void compare_credits(ChangeList& list, const Plan& before, const Plan& after);
void compare_terms(ChangeList& list, const Plan& before, const Plan& after);
// Who the plan is between and how remedy reads it.
void compare_settings(ChangeList& list, const Plan& before, const Plan& after);

} // namespace remedy

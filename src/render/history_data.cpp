// `remedy history --format json` and `--format csv`: the same commits, changes and weeks as the
// text, field by field, for an exhibit or a spreadsheet.

#include "remedy/model/dates.h"
#include "remedy/render/escape.h"
#include "remedy/render/history_report.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

std::string owed_text(const HistoryPoint& point) {
    return format_money(point.owed, point.minor_digits);
}

void text_or_null(JsonWriter& json, const char* key, const std::string& text) {
    json.key(key);
    if (text.empty())
        json.null();
    else
        json.value(text);
}

void flag_list(JsonWriter& json, unsigned flags) {
    json.begin_array();
    for (const auto& [flag, word] : change_flags.entries())
        if (flags & flag)
            json.value(word);
    json.end_array();
}

void json_change(JsonWriter& json, const RecordChange& change) {
    json.begin_object();
    json.key("topic").value(change_topics.name(change.topic));
    json.key("action").value(change_actions.name(change.action));
    text_or_null(json, "subject", change.subject);
    text_or_null(json, "field", change.field);
    text_or_null(json, "before", change.before);
    text_or_null(json, "after", change.after);
    text_or_null(json, "dated", change.dated ? format_iso_date(*change.dated) : std::string());
    json.key("flags");
    flag_list(json, change.flags);
    json.key("text").value(change.text);
    text_or_null(json, "why", change.why);
    json.end_object();
}

// The figures of one version on one day.
void json_figures(JsonWriter& json, const HistoryPoint& point) {
    json.key("valid").value(point.valid);
    if (point.valid)
        json.key("error").null();
    else
        json.key("error").value(point.error);
    if (!point.valid) {
        for (const char* key : {"verdict", "issues", "open", "overdue", "owed", "currency",
                                "strikes", "deadline", "forecast_finish"})
            json.key(key).null();
        return;
    }
    json.key("verdict").value(name(point.verdict));
    json.key("issues").value(point.issues);
    json.key("open").value(point.open);
    json.key("overdue").value(point.overdue);
    json.key("owed").value(owed_text(point));
    json.key("currency").value(point.currency);
    json.key("strikes").begin_object();
    json.key("count").value(point.strikes);
    json.key("limit").value(point.strike_limit);
    json.end_object();
    json.key("deadline").value(format_iso_date(*point.deadline));
    json.key("forecast_finish");
    if (point.forecast_finish)
        json.value(format_iso_date(*point.forecast_finish));
    else
        json.null();
}

void json_week(JsonWriter& json, const HistoryPoint& point) {
    json.begin_object();
    json.key("week_ending").value(format_iso_date(week_end(point.day)));
    json.key("commit").value(point.commit);
    json.key("path").value(point.path);
    json.key("judged_on").value(format_iso_date(point.day));
    json_figures(json, point);
    json.end_object();
}

// The columns of a CSV line: the figures of a commit or a week, then the commit's author and
// message, then one change, then who committed it and the commit's own flags.
constexpr std::string_view csv_header =
    "kind,date,commit,path,verdict,issues,open,overdue,owed,currency,strikes,strike_limit,error,"
    "forecast_finish,author,email,message,topic,action,about,field,before,after,dated,flags,"
    "change,why,committer,committer_email,party,commit_flags,commit_why\r\n";

// The columns of the header, those of the figures before the commit's author, and those
// before the commit's own.
constexpr std::size_t csv_columns = 32;
constexpr std::size_t csv_figure_columns = 14;
constexpr std::size_t csv_change_end = 27;
static_assert(std::count(csv_header.begin(), csv_header.end(), ',') + 1 == csv_columns);

std::string csv_line(std::vector<std::string> fields) {
    std::string line;
    for (const std::string& field : fields)
        line += (line.empty() ? "" : ",") + csv_field(field);
    return line + "\r\n";
}

std::vector<std::string> csv_figures(const char* kind, const HistoryPoint& p) {
    std::vector<std::string> fields = {kind, format_iso_date(p.day), p.commit, p.path};
    if (p.valid)
        fields.insert(fields.end(),
                      {std::string(name(p.verdict)), std::to_string(p.issues),
                       std::to_string(p.open), std::to_string(p.overdue), owed_text(p), p.currency,
                       std::to_string(p.strikes), std::to_string(p.strike_limit), std::string(),
                       p.forecast_finish ? format_iso_date(*p.forecast_finish) : std::string()});
    else
        fields.insert(fields.end(), {"invalid", "", "", "", "", "", "", "", p.error, ""});
    return fields;
}

// The columns after the change's: who committed it and the commit's own flags.
void csv_commit_columns(std::vector<std::string>& fields, const HistoryPoint& p) {
    fields.resize(csv_change_end);
    fields.insert(fields.end(), {p.committer, p.committer_email,
                                 p.party ? std::string(parties.name(*p.party)) : std::string(),
                                 flag_names(p.flags), p.why});
}

std::string csv_change(const HistoryPoint& p, const RecordChange& change) {
    std::vector<std::string> fields = {"change", format_iso_date(p.day), p.commit, p.path};
    fields.resize(csv_figure_columns);
    fields.insert(fields.end(),
                  {p.author, p.email, p.subject, std::string(change_topics.name(change.topic)),
                   std::string(change_actions.name(change.action)), change.subject, change.field,
                   change.before, change.after,
                   change.dated ? format_iso_date(*change.dated) : std::string(),
                   flag_names(change.flags), change.text, change.why});
    csv_commit_columns(fields, p);
    return csv_line(std::move(fields));
}

} // namespace

void json_history_commit(JsonWriter& json, const HistoryPoint& point) {
    json.begin_object();
    json.key("date").value(format_iso_date(point.day));
    json.key("commit").value(point.commit);
    json.key("path").value(point.path);
    json.key("author").value(point.author);
    json.key("email").value(point.email);
    text_or_null(json, "committer", point.committer);
    text_or_null(json, "committer_email", point.committer_email);
    json.key("subject").value(point.subject);
    text_or_null(json, "dated", point.dated ? format_iso_date(*point.dated) : std::string());
    json.key("party");
    if (point.party)
        json.value(parties.name(*point.party));
    else
        json.null();
    text_or_null(json, "signer", point.signer);
    json.key("flags");
    flag_list(json, point.flags);
    text_or_null(json, "why", point.why);
    json.key("side_commits").begin_array();
    for (const SideCommit& side : point.side_commits) {
        json.begin_object();
        json.key("commit").value(side.commit);
        json.key("date").value(format_iso_date(side.day));
        json.key("author").value(side.author);
        json.key("email").value(side.email);
        json.key("subject").value(side.subject);
        json.end_object();
    }
    json.end_array();
    json_figures(json, point);
    json.key("owed_before");
    if (point.owed_before)
        json.value(format_money(*point.owed_before, point.minor_digits));
    else
        json.null();
    json.key("changes").begin_array();
    for (const RecordChange& change : point.changes)
        json_change(json, change);
    json.end_array();
    json.end_object();
}

std::string render_history_json(const PlanHistory& history) {
    JsonWriter json;
    json.begin_object();
    json.key("plan").value(history.file);
    for (const auto& [key, name] :
         {std::pair{"client", &history.client}, std::pair{"provider", &history.provider}})
        text_or_null(json, key, *name);
    json.key("as_of").value(format_iso_date(history.as_of));
    json.key("view").value(history.view == HistoryView::everything ? "all"
                           : history.view == HistoryView::flagged  ? "flagged"
                                                                   : "issue");
    json.key("issue");
    if (history.view == HistoryView::one_issue)
        json.value(history.issue);
    else
        json.null();
    if (history.deadline)
        json.key("deadline").value(format_iso_date(*history.deadline));
    else
        json.key("deadline").null();
    json.key("left_out").value(static_cast<std::int64_t>(history.left_out));
    json.key("authorship_checked").value(history.authorship_checked);
    json.key("signatures_checked").value(history.signatures_checked);
    json.key("commits").begin_array();
    for (const HistoryPoint& point : history.commits)
        json_history_commit(json, point);
    json.end_array();
    json.key("weeks").begin_array();
    for (const HistoryPoint& point : history.weeks)
        json_week(json, point);
    json.end_array();
    json.end_object();
    return json.finish();
}

std::string render_history_csv(const PlanHistory& history) {
    std::string out(csv_header);
    for (const HistoryPoint& point : history.commits) {
        std::vector<std::string> fields = csv_figures("commit", point);
        fields.insert(fields.end(), {point.author, point.email, point.subject});
        csv_commit_columns(fields, point);
        out += csv_line(std::move(fields));
        for (const RecordChange& change : point.changes)
            out += csv_change(point, change);
    }
    for (const HistoryPoint& point : history.weeks) {
        std::vector<std::string> fields = csv_figures("week", point);
        fields.resize(csv_columns);
        out += csv_line(std::move(fields));
    }
    return out;
}

} // namespace remedy

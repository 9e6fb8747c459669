#include "remedy/io/plan_reader.h"

#include "key_depth.h"
#include "plan_sections.h"
#include "remedy/io/file_beside.h"
#include "remedy/io/limits.h"
#include "remedy/io/text_file.h"
#include "remedy/util/ascii.h"
#include "remedy/util/utf8.h"
#include "utf8_check.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <tuple>
#include <unordered_map>
#include <variant>

namespace remedy {

const toml::table* sub_table(TableReader& parent, std::string_view key, Presence presence) {
    const toml::node* node = parent.node(key, Presence::optional);
    if (!node) {
        if (presence == Presence::required)
            parent.error(SourcePos{1, 1},
                         fmt::format("missing required table [{}]", parent.qualified(key)));
        return nullptr;
    }
    const toml::table* table = node->as_table();
    if (!table)
        parent.error(
            position_of(node->source().begin),
            fmt::format("{} must be a table, not {}", parent.qualified(key), type_name(*node)));
    return table;
}

std::vector<const toml::table*> table_array(TableReader& parent, std::string_view key,
                                            std::size_t max_count) {
    std::vector<const toml::table*> tables;
    const toml::node* node = parent.node(key, Presence::optional);
    if (!node)
        return tables;
    const toml::array* array = node->as_array();
    if (!array) {
        parent.error(position_of(node->source().begin),
                     fmt::format("{0} must be an array of tables, written [[{0}]], not {1}",
                                 parent.qualified(key), type_name(*node)));
        return tables;
    }
    if (array->size() > max_count) {
        parent.error(position_of(array->get(max_count)->source().begin),
                     fmt::format("more than {} [[{}]] tables, the limit (docs/limits.md)",
                                 count_text(max_count), parent.qualified(key)));
        return tables;
    }
    for (const toml::node& element : *array) {
        if (const toml::table* table = element.as_table())
            tables.push_back(table);
        else
            parent.error(position_of(element.source().begin),
                         fmt::format("each {} must be a table, not {}", parent.qualified(key),
                                     type_name(element)));
    }
    return tables;
}

namespace {

// toml++ reports a string left open at the end of its line as a forbidden control character
// (the newline); say what the person has to do instead.
std::string describe_syntax_error(std::string_view text, const toml::parse_error& error) {
    const std::string_view description = error.description();
    const toml::source_position at = error.source().begin;
    if (description.find("parsing string") != std::string_view::npos && at.line > 0) {
        std::size_t start = 0;
        for (std::uint32_t line = 1; line < at.line && start != std::string_view::npos; ++line) {
            start = text.find('\n', start);
            start = start == std::string_view::npos ? start : start + 1;
        }
        if (start != std::string_view::npos) {
            std::string_view line = text.substr(start, text.find('\n', start) - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (at.column > character_count(line))
                return "invalid TOML: the string is not closed before the end of the line; add "
                       "the closing quote";
        }
    }
    // toml++ names its compile-time setting; say what it means for the file.
    if (description.find("maximum nested value depth") != std::string_view::npos)
        return "invalid TOML: arrays or inline tables nested more than 256 deep, the limit "
               "(docs/limits.md)";
    return fmt::format("invalid TOML: {}", description);
}

// Each pause's ids, as the plan spells them, turned into the issues they name (ids match in any
// case, as people type them).
void resolve_paused_issues(Plan& plan, Reading& r) {
    bool any_pause_names = false;
    for (const Pause& pause : plan.pauses)
        any_pause_names |= !pause.issues.empty();
    if (!any_pause_names)
        return;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < plan.issues.size(); ++i)
        index.emplace(to_lower_ascii(plan.issues[i].id), i);
    for (Pause& pause : plan.pauses)
        for (const std::string& id : pause.issues) {
            if (const auto found = index.find(to_lower_ascii(id)); found != index.end()) {
                pause.covered.push_back(found->second);
                continue;
            }
            r.complete.pauses_resolved = false;
            r.diagnostics.push_back({Severity::error, plan.file, pause.where.value_of("issues"),
                                     fmt::format("the pause names issue {}, which the plan does "
                                                 "not list",
                                                 id)});
        }
}

LoadResult read_document(const toml::table& document, const std::string& file,
                         const ReadNamedFile& read_named) {
    LoadResult result;
    Plan plan;
    plan.file = file;
    const ReadNamedFile beside = read_named ? ReadNamedFile{} : files_beside(file);
    Reading r{file, result.diagnostics, {}, read_named ? read_named : beside};
    TableReader root(document, "", file, result.diagnostics);
    // Order matters: money needs the contract's currency and fee, dates need the time box.
    read_client(root, r, plan.client);
    read_provider(root, r, plan.provider);
    read_contract(root, r, plan.contract);
    read_timebox(root, r, plan.timebox);
    read_calendar(root, r, plan.calendar);
    read_penalties(root, plan.contract, r, plan.penalties);
    read_ultimatum(root, plan.timebox, r, plan.ultimatum);
    read_warnings(root, r, plan.warnings);
    read_email_settings(root, r, plan.email);
    read_audit(root, r, plan.audit);
    read_import(root, r, plan.import_mapping);
    // Reserved, so that no issue is moved while the others are read.
    const std::vector<const toml::table*> issues = table_array(root, "issue", limits::max_issues);
    plan.issues.reserve(issues.size());
    r.complete.issues.reserve(issues.size());
    for (const toml::table* table : issues)
        read_issue(*table, r, plan.issues);
    const std::vector<const toml::table*> incidents =
        table_array(root, "incident", limits::max_incidents);
    plan.incidents.reserve(incidents.size());
    r.complete.incidents.reserve(incidents.size());
    for (const toml::table* table : incidents)
        read_incident(*table, r, plan.incidents);
    for (const toml::table* table : table_array(root, "pause", limits::max_pauses))
        read_pause(*table, r, plan.pauses);
    for (const toml::table* table : table_array(root, "credit", limits::max_credits))
        read_credit(*table, plan.contract, r, plan.credits);
    root.finish();
    for (const ReadCompleteness::Pause& pause : r.complete.pauses)
        r.complete.pauses_resolved = r.complete.pauses_resolved && pause.all;
    resolve_paused_issues(plan, r);

    check_plan_rules(plan, r.complete, result.diagnostics);
    // In the order of the file, as a compiler reports, whatever step found them; those of a
    // file the plan names (its holidays) after the plan's own.
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) {
                         return std::tuple(a.file != file, a.pos.line, a.pos.column) <
                                std::tuple(b.file != file, b.pos.line, b.pos.column);
                     });
    if (!has_errors(result.diagnostics))
        result.plan = std::move(plan);
    return result;
}

// The TOML document of `text`, or the located error that stops the reading.
std::variant<toml::table, Diagnostic> parse_document(std::string_view text,
                                                     const std::string& file) {
    if (const std::optional<SourcePos> at = find_too_deep_key(text, limits::max_key_parts))
        return Diagnostic{Severity::error, file, *at,
                          fmt::format("a dotted key or table header has more than {} parts, the "
                                      "limit (docs/limits.md)",
                                      limits::max_key_parts)};
    try {
        // Without a source path: toml++ would keep a shared copy of it in every node, counted
        // up and down atomically once plans are judged in parallel. Every message names the
        // file from `file` itself.
        return toml::parse(text);
    } catch (const toml::parse_error& error) {
        SourcePos at = position_of(error.source().begin);
        if (error.description().find("invalid utf-8") != std::string_view::npos)
            at = first_invalid_utf8(text).value_or(at);
        return Diagnostic{Severity::error, file, at, describe_syntax_error(text, error)};
    }
}

LoadResult refused(Diagnostic diagnostic) {
    LoadResult result;
    result.diagnostics.push_back(std::move(diagnostic));
    return result;
}

} // namespace

ReadNamedFile files_beside(const std::string& plan_file) {
    return [plan_file](const std::string& named) -> Expected<std::string> {
        TRY_ASSIGN(const std::string path, path_beside_plan(plan_file, named));
        return read_text_file(path);
    };
}

LoadResult read_plan(std::string_view text, const std::string& file,
                     const ReadNamedFile& read_named) {
    std::variant<toml::table, Diagnostic> parsed = parse_document(text, file);
    if (Diagnostic* error = std::get_if<Diagnostic>(&parsed))
        return refused(std::move(*error));
    return read_document(std::get<toml::table>(parsed), file, read_named);
}

LoadResult load_plan_file(const std::string& path) {
    Expected<std::string> text = read_text_file(path);
    if (!text) {
        LoadResult result = refused({Severity::error, path, SourcePos{},
                                     fmt::format("cannot read the plan: {}", text.error())});
        result.file_read = false;
        return result;
    }
    std::variant<toml::table, Diagnostic> parsed = parse_document(*text, path);
    if (Diagnostic* error = std::get_if<Diagnostic>(&parsed))
        return refused(std::move(*error));
    // The document holds everything now: without the text beside it, the peak of a big plan
    // is the document and the plan read from it (docs/performance.md).
    std::string().swap(text.value());
    return read_document(std::get<toml::table>(parsed), path, {});
}

} // namespace remedy

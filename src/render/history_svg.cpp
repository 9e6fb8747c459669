// The SVG form of `remedy history`: a chart to put in a report.
#include "remedy/model/dates.h"
#include "remedy/render/escape.h"
#include "remedy/render/history_report.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace remedy {

namespace {

constexpr double width = 900, height = 480;
constexpr double left = 70, right = 90, top = 70, bottom = 70;
constexpr double plot_w = width - left - right, plot_h = height - top - bottom;
constexpr const char* open_colour = "#1f5fbf";
constexpr const char* overdue_colour = "#c62828";
constexpr const char* owed_colour = "#2e7d32";
constexpr const char* flag_colour = "#e65100";

// A round step (1, 2 or 5 times a power of ten, at least `smallest`) giving about five ticks.
double nice_step(double most, double smallest) {
    const double raw = std::max(most / 5.0, smallest);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0, 10.0})
        if (factor * magnitude >= raw)
            return std::max(factor * magnitude, smallest);
    return 10.0 * magnitude;
}

struct Axis {
    double step;
    double top; // the value at the top of the plot, a whole number of steps
};

Axis axis_for(double most, double smallest) {
    const double step = nice_step(std::max(most, smallest), smallest);
    return {step, std::max(step, std::ceil(most / step) * step)};
}

std::string polyline(const std::vector<std::pair<double, double>>& points, const char* colour,
                     const char* dash) {
    std::string coords;
    for (const auto& [x, y] : points)
        coords += fmt::format("{}{:.1f},{:.1f}", coords.empty() ? "" : " ", x, y);
    std::string out = fmt::format("  <polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" "
                                  "stroke-linejoin=\"round\"{} points=\"{}\"/>\n",
                                  colour, dash, coords);
    for (const auto& [x, y] : points)
        out += fmt::format("  <circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"{}\"/>\n", x, y,
                           colour);
    return out;
}

} // namespace

std::string render_history_svg(const PlanHistory& history) {
    // Every valid point, commits and weeks together, in time order.
    std::vector<HistoryPoint> points;
    for (const auto* list : {&history.commits, &history.weeks})
        for (const HistoryPoint& point : *list)
            if (point.valid)
                points.push_back(point);
    std::stable_sort(points.begin(), points.end(),
                     [](const HistoryPoint& a, const HistoryPoint& b) { return a.day < b.day; });

    std::string out = fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
        "viewBox=\"0 0 {0} {1}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        "  <title>Remediation history of {2}</title>\n"
        "  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        "  <text x=\"{3}\" y=\"28\" font-size=\"18\" font-weight=\"bold\">Remediation history of "
        "{2}</text>\n",
        width, height, xml_text(history.file), left);
    if (points.empty())
        return out + fmt::format("  <text x=\"{}\" y=\"{}\">No valid version of the plan to "
                                 "chart.</text>\n</svg>\n",
                                 left, top + 20);

    date::sys_days first = points.front().day, last = points.back().day;
    if (history.deadline) {
        first = std::min(first, *history.deadline);
        last = std::max(last, *history.deadline);
    }
    // A little room after the last day, so the deadline does not sit on the right axis.
    last += date::days{std::max(1, days_between(first, last) / 25)};
    const double span = days_between(first, last);
    const auto x_of = [&](date::sys_days day) {
        return left + plot_w * days_between(first, day) / span;
    };
    int most_issues = 0;
    double most_owed = 0;
    const int digits = points.back().minor_digits;
    const double unit = std::pow(10.0, digits);
    for (const HistoryPoint& point : points) {
        most_issues = std::max(most_issues, point.open);
        most_owed = std::max(most_owed, static_cast<double>(point.owed.minor) / unit);
    }
    const Axis issues = axis_for(most_issues, 1.0);
    const Axis owed = axis_for(most_owed, 1.0);
    const auto y_issues = [&](double n) {
        return top + plot_h - plot_h * n / issues.top;
    };
    const auto y_owed = [&](double v) {
        return top + plot_h - plot_h * v / owed.top;
    };

    // Grid, ticks and the labels of both value axes.
    for (double n = 0; n <= issues.top + 1e-9; n += issues.step) {
        const double y = y_issues(n);
        out += fmt::format("  <line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" "
                           "stroke=\"#e0e0e0\"/>\n",
                           left, y, left + plot_w, y);
        out += fmt::format("  <text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                           left - 8, y + 4, static_cast<long long>(n));
    }
    for (double v = 0; v <= owed.top + 1e-9; v += owed.step)
        out += fmt::format("  <text x=\"{}\" y=\"{:.1f}\" fill=\"{}\">{}</text>\n",
                           left + plot_w + 8, y_owed(v) + 4, owed_colour,
                           format_money_grouped(Money{static_cast<std::int64_t>(v)}, 0));
    // Date ticks: about six, on whole days.
    const int tick_days = std::max(1, static_cast<int>(std::ceil(span / 6.0)));
    for (int d = 0; d <= span; d += tick_days) {
        const double x = left + plot_w * d / span;
        out += fmt::format("  <line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" "
                           "stroke=\"#333\"/>\n",
                           x, top + plot_h, top + plot_h + 5);
        out += fmt::format("  <text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x,
                           top + plot_h + 20, format_iso_date(first + date::days{d}));
    }
    // The axes and their names.
    out += fmt::format("  <polyline fill=\"none\" stroke=\"#333\" points=\"{0},{1} {0},{2} {3},{2} "
                       "{3},{1}\"/>\n",
                       left, top, top + plot_h, left + plot_w);
    out += fmt::format("  <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">Date (commits and week "
                       "ends)</text>\n",
                       left + plot_w / 2, height - 22);
    out += fmt::format("  <text transform=\"translate({},{}) rotate(-90)\" "
                       "text-anchor=\"middle\">Issues</text>\n",
                       22, top + plot_h / 2);
    out += fmt::format("  <text transform=\"translate({},{}) rotate(90)\" text-anchor=\"middle\" "
                       "fill=\"{}\">Penalties owed ({})</text>\n",
                       width - 18, top + plot_h / 2, owed_colour, xml_text(points.back().currency));

    if (history.deadline) {
        const double x = x_of(*history.deadline);
        out += fmt::format("  <line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" "
                           "stroke=\"#000\" stroke-width=\"1.5\" stroke-dasharray=\"6,4\"/>\n",
                           x, top - 6, top + plot_h);
        out += fmt::format("  <text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" "
                           "font-weight=\"bold\">deadline {}</text>\n",
                           x, top - 10, format_iso_date(*history.deadline));
    }

    std::vector<std::pair<double, double>> open_line, overdue_line, owed_line;
    for (const HistoryPoint& point : points) {
        const double x = x_of(point.day);
        open_line.emplace_back(x, y_issues(point.open));
        overdue_line.emplace_back(x, y_issues(point.overdue));
        owed_line.emplace_back(x, y_owed(static_cast<double>(point.owed.minor) / unit));
    }
    out += polyline(owed_line, owed_colour, " stroke-dasharray=\"8,4\"");
    out += polyline(open_line, open_colour, "");
    out += polyline(overdue_line, overdue_colour, "");

    // A commit with a flagged change: a triangle at the top of the plot, what it flagged in
    // its tooltip.
    for (const HistoryPoint& point : history.commits) {
        std::string flagged;
        for (const RecordChange& change : point.changes)
            if (change.flags)
                flagged += fmt::format("\n{} ({})", change.text, change.why);
        if (flagged.empty())
            continue;
        const double x = x_of(point.day);
        out += fmt::format(
            "  <g class=\"flagged\"><title>{}</title>\n"
            "    <line x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" "
            "stroke=\"{}\" stroke-dasharray=\"2,3\"/>\n"
            "    <path d=\"M{:.1f},{} l-6,-10 h12 z\" fill=\"{}\"/></g>\n",
            xml_text(fmt::format("{} {} by {}: {}{}", format_iso_date(point.day),
                                 point.commit.substr(0, 7), point.author, point.subject, flagged)),
            x, top, x, top + plot_h, flag_colour, x, top, flag_colour);
    }

    // The legend, above the plot on the left.
    out += fmt::format("  <path d=\"M{},{} l-6,-10 h12 z\" fill=\"{}\"/>\n"
                       "  <text x=\"{}\" y=\"52\">Commit with a flagged change</text>\n",
                       left + 3 * 150 + 12, 53, flag_colour, left + 3 * 150 + 30);
    const std::pair<const char*, const char*> legend[] = {{open_colour, "Open issues"},
                                                          {overdue_colour, "Overdue issues"},
                                                          {owed_colour, "Penalties owed"}};
    double x = left;
    for (const auto& [colour, label] : legend) {
        out += fmt::format("  <line x1=\"{0}\" y1=\"48\" x2=\"{1}\" y2=\"48\" stroke=\"{2}\" "
                           "stroke-width=\"2.5\"{3}/>\n",
                           x, x + 24, colour,
                           colour == owed_colour ? " stroke-dasharray=\"8,4\"" : "");
        out += fmt::format("  <text x=\"{}\" y=\"52\">{}</text>\n", x + 30, label);
        x += 150;
    }
    return out + "</svg>\n";
}

} // namespace remedy

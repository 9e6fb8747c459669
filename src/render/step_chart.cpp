#include "remedy/render/step_chart.h"

#include "remedy/model/dates.h"
#include "remedy/render/escape.h"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <map>

namespace remedy {

namespace {

constexpr double width = 900, left = 80, right = 120, top = 56, plot_h = 260;
constexpr double plot_w = width - left - right, bottom = top + plot_h;
constexpr double line_h = 18;           // a line of the key
constexpr int marker_rows = 3;          // markers closer than a marker's width go to another row
constexpr std::size_t labels_shown = 3; // of the events of one day; the rest are counted

// The horizontal place of the start of `day`; a day is drawn from its start to the next one's.
struct TimeAxis {
    date::sys_days first;
    double days;

    double x(date::sys_days day) const {
        return left + plot_w * static_cast<double>((day - first).count()) / days;
    }
};

struct ValueAxis {
    std::int64_t step;
    std::int64_t top_value; // a whole number of steps, at least one

    double y(std::int64_t value) const {
        return bottom - plot_h * static_cast<double>(value) / static_cast<double>(top_value);
    }
};

// Ticks of 1, 2 or 5 times a power of ten times `smallest`: at most six of them to the top.
ValueAxis value_axis(std::int64_t most, std::int64_t smallest) {
    std::int64_t step = std::max<std::int64_t>(smallest, 1);
    for (std::int64_t magnitude = step;; magnitude *= 10) {
        for (std::int64_t factor : {1, 2, 5})
            if (most <= factor * magnitude * 6) {
                step = factor * magnitude;
                const std::int64_t steps = std::max<std::int64_t>(1, (most + step - 1) / step);
                return {step, steps * step};
            }
        // Amounts near the limit of the type: about five ticks, the top the largest value.
        if (magnitude > INT64_MAX / 100)
            return {std::max<std::int64_t>(most / 5, 1), most};
    }
}

// Days between the date ticks: at most seven labels along the axis.
int tick_days(long long days) {
    for (int interval : {1, 2, 7, 14, 28, 56, 91, 182, 364})
        if (days / interval <= 6)
            return interval;
    return static_cast<int>(days / 6);
}

std::string default_value_text(std::int64_t value) {
    return fmt::format("{}", value);
}

// A dash pattern and a width for each look, so that black and white prints tell them apart.
void stroke_of(std::string& out, const ChartSeries& series) {
    fmt::format_to(std::back_inserter(out), " fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}",
                   html_attribute(series.colour), series.look == SeriesLook::hatched ? "2" : "2.5",
                   series.look == SeriesLook::projection ? " stroke-dasharray=\"8 5\"" : "");
}

std::string pattern_id(const StepChart& chart, std::size_t series) {
    return fmt::format("{}-hatch-{}", chart.id, series);
}

void definitions(std::string& out, const StepChart& chart) {
    out += "<defs>";
    for (std::size_t k = 0; k < chart.series.size(); ++k)
        if (chart.series[k].look == SeriesLook::hatched)
            fmt::format_to(
                std::back_inserter(out),
                "<pattern id=\"{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                "patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
                "stroke=\"{}\" stroke-width=\"2\"/></pattern>",
                html_attribute(pattern_id(chart, k)), html_attribute(chart.series[k].colour));
    out += "</defs>\n";
}

void axes(std::string& out, const StepChart& chart, const TimeAxis& time, const ValueAxis& values) {
    const auto text_of = chart.value_text ? chart.value_text : default_value_text;
    // By tick count, not by adding steps: a top near the largest amount must not overflow.
    for (std::int64_t tick = 0; tick <= values.top_value / values.step; ++tick) {
        const std::int64_t value = tick * values.step;
        const double y = values.y(value);
        fmt::format_to(std::back_inserter(out),
                       "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                       "stroke=\"#ddd\"/><text x=\"{:.1f}\" y=\"{:.1f}\" "
                       "text-anchor=\"end\">{}</text>\n",
                       left, y, left + plot_w, y, left - 6, y + 4, html_text(text_of(value)));
    }
    const long long days = static_cast<long long>(time.days);
    const int interval = tick_days(days);
    for (long long k = 0; k < days; k += interval) {
        const date::sys_days day = chart.first + date::days{k};
        const double x = time.x(day);
        fmt::format_to(std::back_inserter(out),
                       "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
                       "stroke=\"#555\"/><text x=\"{0:.1f}\" y=\"{3:.1f}\" "
                       "text-anchor=\"middle\">{4}</text>\n",
                       x, bottom, bottom + 5, bottom + 18, format_iso_date(day));
    }
    fmt::format_to(std::back_inserter(out),
                   "<path d=\"M{0:.1f},{1:.1f} V{2:.1f} H{3:.1f}\" fill=\"none\" "
                   "stroke=\"#222\"/>\n",
                   left, top, bottom, left + plot_w);
}

void series_line(std::string& out, const StepChart& chart, std::size_t k, const TimeAxis& time,
                 const ValueAxis& values) {
    const ChartSeries& series = chart.series[k];
    if (series.points.empty())
        return;
    std::string path;
    if (series.look == SeriesLook::projection) {
        for (const auto& [day, value] : series.points)
            path += fmt::format("{}{:.1f},{:.1f}", path.empty() ? "M" : " L", time.x(day),
                                values.y(value));
    } else {
        path = fmt::format("M{:.1f},{:.1f}", time.x(series.points.front().first),
                           values.y(series.points.front().second));
        for (std::size_t p = 1; p < series.points.size(); ++p)
            path += fmt::format(" H{:.1f} V{:.1f}", time.x(series.points[p].first),
                                values.y(series.points[p].second));
        path += fmt::format(" H{:.1f}", time.x(series.points.back().first + date::days{1}));
        if (series.look == SeriesLook::hatched)
            fmt::format_to(std::back_inserter(out),
                           "<path d=\"{} V{:.1f} H{:.1f} Z\" fill=\"url(#{})\" "
                           "stroke=\"none\"/>\n",
                           path, bottom, time.x(series.points.front().first),
                           html_attribute(pattern_id(chart, k)));
    }
    fmt::format_to(std::back_inserter(out), "<path d=\"{}\"", path);
    stroke_of(out, series);
    fmt::format_to(std::back_inserter(out), "><title>{}</title></path>\n", html_text(series.name));
    // Labelled at its end, so that a black and white print needs no colour to tell them apart.
    const auto& [day, value] = series.points.back();
    const auto text_of = chart.value_text ? chart.value_text : default_value_text;
    const double end_x =
        series.look == SeriesLook::projection ? time.x(day) : time.x(day + date::days{1});
    fmt::format_to(std::back_inserter(out), "<text x=\"{:.1f}\" y=\"{:.1f}\">{}: {}</text>\n",
                   end_x + 4, values.y(value) + 4 + 12.0 * static_cast<double>(k) - 6.0,
                   html_text(series.name), html_text(text_of(value)));
}

// The events of one day, under one numbered marker.
struct DayEvents {
    std::vector<const ChartEvent*> events;
    int number = 0;
};

// The spans (pauses) shaded as the days they cover together: overlapping spans would darken
// each other, and a plan may have a thousand.
void span_shading(std::string& out, const std::vector<ChartEvent>& events, const TimeAxis& time) {
    std::vector<std::pair<date::sys_days, date::sys_days>> spans;
    for (const ChartEvent& event : events)
        if (event.kind == EventKind::span)
            spans.emplace_back(event.day, event.last.value_or(event.day));
    std::sort(spans.begin(), spans.end());
    for (std::size_t k = 0; k < spans.size();) {
        auto [first, last] = spans[k];
        for (++k; k < spans.size() && spans[k].first <= last + date::days{1}; ++k)
            last = std::max(last, spans[k].second);
        fmt::format_to(std::back_inserter(out),
                       "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                       "fill=\"#888\" fill-opacity=\"0.15\" stroke=\"#888\" "
                       "stroke-dasharray=\"2 2\"/>\n",
                       time.x(first), top, time.x(last + date::days{1}) - time.x(first), plot_h);
    }
}

void event_lines(std::string& out, const std::vector<ChartEvent>& events, const TimeAxis& time) {
    span_shading(out, events, time);
    for (const ChartEvent& event : events) {
        const double x = time.x(event.day);
        switch (event.kind) {
        case EventKind::span:
            break;
        case EventKind::deadline:
        case EventKind::today:
            fmt::format_to(
                std::back_inserter(out),
                "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
                "stroke=\"#222\" stroke-width=\"{3}\"{4}/><text x=\"{0:.1f}\" y=\"{5:.1f}\" "
                "text-anchor=\"middle\" font-weight=\"bold\">{6}</text>\n",
                x, top, bottom, event.kind == EventKind::deadline ? "2" : "1.5",
                event.kind == EventKind::today ? " stroke-dasharray=\"4 3\"" : "",
                event.kind == EventKind::deadline ? top - 4 : top - 16, html_text(event.label));
            break;
        case EventKind::milestone:
            fmt::format_to(std::back_inserter(out),
                           "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
                           "stroke=\"#555\" stroke-dasharray=\"1 3\"/>\n",
                           x, top, bottom);
            break;
        }
    }
}

// The numbered markers under the time axis and, after the legend, the key that says what each
// number is; returns the height used below the plot.
double markers_and_key(std::string& out, const StepChart& chart, const TimeAxis& time) {
    std::map<date::sys_days, DayEvents> by_day;
    for (const ChartEvent& event : chart.events)
        by_day[event.day].events.push_back(&event);
    int number = 0;
    double previous_x[marker_rows] = {-1e9, -1e9, -1e9};
    const double marker_top = bottom + 38;
    for (auto& [day, group] : by_day) {
        group.number = ++number;
        const double x = time.x(day);
        int row = 0;
        while (row + 1 < marker_rows && x - previous_x[row] < 20)
            ++row;
        previous_x[row] = x;
        const double y = marker_top + line_h * row;
        fmt::format_to(std::back_inserter(out),
                       "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
                       "stroke=\"#555\"/><circle cx=\"{0:.1f}\" cy=\"{2:.1f}\" r=\"8\" "
                       "fill=\"white\" stroke=\"#222\"/><text x=\"{0:.1f}\" y=\"{3:.1f}\" "
                       "text-anchor=\"middle\" font-size=\"10\">{4}</text>\n",
                       x, bottom + 22, y, y + 3.5, group.number);
    }
    double y = marker_top + line_h * marker_rows + 8;
    // The legend: a sample of each line.
    double x = left;
    for (const ChartSeries& series : chart.series) {
        fmt::format_to(std::back_inserter(out), "<path d=\"M{:.1f},{:.1f} h28\"", x, y - 4);
        stroke_of(out, series);
        fmt::format_to(std::back_inserter(out), "/><text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                       x + 34, y, html_text(series.name));
        x += 44 + 7.0 * static_cast<double>(series.name.size());
    }
    for (const ChartLevel& level : chart.levels) {
        fmt::format_to(std::back_inserter(out),
                       "<path d=\"M{:.1f},{:.1f} h28\" stroke=\"#222\" "
                       "stroke-dasharray=\"12 3 2 3\"/><text x=\"{:.1f}\" y=\"{:.1f}\">{}"
                       "</text>\n",
                       x, y - 4, x + 34, y, html_text(level.label));
        x += 44 + 7.0 * static_cast<double>(level.label.size());
    }
    for (const auto& [day, group] : by_day) {
        y += line_h;
        std::string labels;
        for (std::size_t e = 0; e < group.events.size() && e < labels_shown; ++e)
            labels += (e == 0 ? "" : "; ") + group.events[e]->label;
        if (group.events.size() > labels_shown)
            labels += fmt::format("; and {} more", group.events.size() - labels_shown);
        fmt::format_to(std::back_inserter(out),
                       "<circle cx=\"{0:.1f}\" cy=\"{1:.1f}\" r=\"8\" fill=\"white\" "
                       "stroke=\"#222\"/><text x=\"{0:.1f}\" y=\"{2:.1f}\" "
                       "text-anchor=\"middle\" font-size=\"10\">{3}</text><text "
                       "x=\"{4:.1f}\" y=\"{2:.1f}\">{5}: {6}</text>\n",
                       left + 8, y - 4, y - 0.5, group.number, left + 24, format_iso_date(day),
                       html_text(labels));
    }
    return y + line_h - bottom;
}

} // namespace

namespace {

// The chart's <svg>, `y` down in the SVG that holds it, and its height.
std::pair<std::string, double> rendered(const StepChart& chart, double y) {
    const TimeAxis time{chart.first, static_cast<double>(std::max<long long>(
                                         1, (chart.last - chart.first).count() + 1))};
    std::int64_t most = 0;
    for (const ChartSeries& series : chart.series)
        for (const auto& point : series.points)
            most = std::max(most, point.second);
    for (const ChartLevel& level : chart.levels)
        most = std::max(most, level.value);
    const ValueAxis values = value_axis(most, chart.smallest_step);

    std::string body;
    definitions(body, chart);
    event_lines(body, chart.events, time);
    axes(body, chart, time, values);
    for (const ChartLevel& level : chart.levels)
        fmt::format_to(std::back_inserter(body),
                       "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                       "stroke=\"#222\" stroke-dasharray=\"12 3 2 3\"/>\n",
                       left, values.y(level.value), left + plot_w, values.y(level.value));
    for (std::size_t k = 0; k < chart.series.size(); ++k)
        series_line(body, chart, k, time, values);
    const double below = markers_and_key(body, chart, time);
    const double height = bottom + below;
    std::string svg =
        fmt::format("<svg class=\"chart\" role=\"img\" aria-labelledby=\"{0}-title {0}-desc\" "
                    "{7}viewBox=\"0 0 {1} {2:.0f}\" width=\"{1}\" height=\"{2:.0f}\" "
                    "font-family=\"sans-serif\" font-size=\"12\">\n"
                    "<title id=\"{0}-title\">{3}</title><desc id=\"{0}-desc\">{4}</desc>\n"
                    "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
                    "<text x=\"{5}\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{3}</text>\n"
                    "{6}</svg>\n",
                    html_attribute(chart.id), width, height, html_text(chart.title),
                    html_text(chart.description), left, body,
                    y > 0 ? fmt::format("y=\"{:.0f}\" ", y) : std::string());
    return {std::move(svg), height};
}

} // namespace

std::string render_step_chart(const StepChart& chart) {
    return rendered(chart, 0).first;
}

std::string render_step_chart_document(std::string_view title,
                                       const std::vector<StepChart>& charts) {
    std::string inner;
    double height = 0;
    for (const StepChart& chart : charts) {
        auto [svg, chart_height] = rendered(chart, height);
        inner += svg;
        height += chart_height;
    }
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1:.0f}\" "
                       "width=\"{0}\" height=\"{1:.0f}\">\n<title>{2}</title>\n{3}</svg>\n",
                       width, height, html_text(title), inner);
}

} // namespace remedy

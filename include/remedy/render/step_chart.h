#pragma once

#include <cstdint>
#include <date/date.h>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// A chart of figures that change on days, as an inline SVG element: each series is a step line
// (a count changes on the day it changes, never a slope drawn between samples), a projection
// is a dashed straight line, and the events that matter are marked on the time axis and listed
// in a numbered key under it. Built for print and for black and white: the series differ by
// pattern and are labelled at their ends, not told apart by colour alone. Pure: given the
// figures, returns the markup; every text it is given is escaped here.

// How a series is drawn.
enum class SeriesLook {
    solid,      // a step line
    hatched,    // a step line with the area under it hatched
    projection, // a dashed straight line through its points (a forecast)
};

struct ChartSeries {
    std::string name; // in the legend and at the line's end
    SeriesLook look = SeriesLook::solid;
    std::string colour; // a CSS colour, e.g. "#1f5fbf"
    // (day, value): the value holds from that day until the next point's day; the last point
    // holds through its day. Days in order.
    std::vector<std::pair<date::sys_days, std::int64_t>> points;
};

// What an event on the time axis is, for how its line is drawn.
enum class EventKind { deadline, today, milestone, span };

struct ChartEvent {
    date::sys_days day;
    std::optional<date::sys_days> last; // for a span (a pause): its last day
    EventKind kind = EventKind::milestone;
    std::string label; // "ultimatum issued", "extension: +14 days"
};

// A horizontal line at a value, e.g. the cap.
struct ChartLevel {
    std::int64_t value = 0;
    std::string label;
};

struct StepChart {
    std::string id;          // unique in the page: prefixes the chart's pattern ids
    std::string title;       // the <title> and the heading drawn in the chart
    std::string description; // the <desc>: what the chart shows, in a sentence
    date::sys_days first;    // the time axis, first day to last day, both shown whole
    date::sys_days last;
    std::vector<ChartSeries> series;
    std::vector<ChartEvent> events;
    std::vector<ChartLevel> levels;
    std::int64_t smallest_step = 1; // of the value axis's ticks: 1 for counts, 100 for cents
    // The text of a value on the value axis and at a line's end; the plain number by default.
    std::function<std::string(std::int64_t)> value_text;
};

// The <svg> element, for an HTML page (no XML declaration, no namespace URI: the HTML parser
// gives inline SVG its namespace). Its width is the page's; its height follows the key.
std::string render_step_chart(const StepChart& chart);

// A standalone SVG file (XML declaration, namespace) titled `title`, holding the charts one
// under the other.
std::string render_step_chart_document(std::string_view title,
                                       const std::vector<StepChart>& charts);

} // namespace remedy

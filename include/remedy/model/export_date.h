#pragma once

#include "remedy/model/plan.h"
#include "remedy/util/expected.h"

#include <date/date.h>
#include <optional>
#include <string>
#include <string_view>

namespace remedy {

// The day of a date as the big ticket systems export it, with or without a time of day:
//   2026-10-12, 2026-10-12 14:03:22, 2026-10-12T14:03 (ISO; also 2026/10/12)
//   10/12/2026 2:03 PM, 10/12/26, 10-12-2026 (numbers, the year last: day or month first)
//   12/Oct/26 2:03 PM, 12-Oct-2026, 12 October 2026 (a month's English name, or its German
//   abbreviation: Mär, Mai, Okt, Dez)
//   12.10.2026 14:03, 12.10.26 (dots: always day first)
// A time of day is checked and dropped: it is local time in the client's zone, so the day is the
// date written; a time with a zone (Z, +02:00) is refused rather than moved to another day.
// Where the numbers could be either order (10/12/2026), `order` says which; without it such a
// date is an error, unless it can only be read one way (13/10/2026, 10/13/2026, 12/12/2026).
// A two-digit year is 20YY. The messages quote the text and say what would make it readable.
Expected<date::sys_days> parse_export_date(std::string_view text, std::optional<DateOrder> order);

// How a message quotes a cell of the export: in single quotes, at most 60 characters of it,
// then "…". The export is the other side's text: a message stays short whatever it holds.
std::string quoted_cell(std::string_view cell);

} // namespace remedy

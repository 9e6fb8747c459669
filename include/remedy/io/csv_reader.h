#pragma once

#include "remedy/model/ticket_import.h"
#include "remedy/util/expected.h"

#include <string_view>

namespace remedy {

// A ticket export as the big systems write CSV (RFC 4180 and what Excel and the ticket systems
// do beyond it), read from its text: UTF-8 with or without a byte order mark; cells separated by
// commas or by semicolons, whichever the header line holds more of outside quotes (or the one a
// first line "sep=;" names, as Excel writes it); a cell in double quotes may hold the separator,
// line breaks and doubled quotes (""); lines end in LF, CRLF or CR. Blank lines are skipped. The
// first record is the header; a row may have fewer cells than it (the rest are empty), not more
// (unless the extra ones are empty). Each row keeps the line where it begins.
//
// The error names the line where the broken row begins: an unterminated quote, text after a
// closing quote, too many cells, bytes that are not UTF-8 (UTF-16 is named as such), no header.
Expected<ExportTable, RowError> read_csv(std::string_view text);

} // namespace remedy

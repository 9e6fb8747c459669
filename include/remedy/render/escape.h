#pragma once

#include <string>
#include <string_view>

namespace remedy {

// One escaping function for each channel remedy writes to. The text of a plan is written by
// both sides of a dispute, so every string that came from a plan — values, key names, ids, file
// names, template text — passes through the function of the channel it goes to, and is data
// there, never structure. The channels and their functions:
//
//   terminal and logs   terminal_text (one string), terminal_lines (a whole report)
//   GitHub commands     github_message, github_property
//   XML, SVG            xml_text, xml_attribute
//   HTML (and its SVG)  html_text, html_attribute
//   CSV                 csv_field
//   iCalendar           ics_text (and the folding in calendar_ics.cpp)
//   JSON                append_json_quoted (json_writer.h)
//   mail                header_field, address_field, quoted_printable (mime.h)
//
// A CI runner reads every line a job prints, on both streams, for commands: GitHub Actions
// takes a line that starts with "::" (after blanks) as a workflow command, and one that holds
// "##[" anywhere as its older form. Each channel keeps plan text from forming either: where the
// channel has a lossless escape (a JSON \u0023, an XML &#35;, a quoted-printable =3A, a
// folded line) it uses it; in plain text the character is shown escaped ("#\x23[").

// Whether a GitHub runner would take `text` at `i` for a workflow command: "::" with nothing but
// white space (as .NET's String.TrimStart sees it) since `line_start`.
bool starts_workflow_command(std::string_view text, std::size_t line_start, std::size_t i);
// Whether the line of `text` that starts at `line_start` starts a workflow command.
bool line_starts_workflow_command(std::string_view text, std::size_t line_start);
// Whether `text` at `i` holds "##[", the runner's older form, read anywhere in a line.
bool starts_old_workflow_command(std::string_view text, std::size_t i);
// .NET's Char.IsWhiteSpace: what the runner trims before it looks for "::".
bool is_runner_white_space(char32_t c);

// Plain text for a terminal or a log, one piece at a time: control characters (C0, DEL, C1),
// the invisible controls that reorder text (bidi overrides and isolates, U+061C, U+200E/F),
// and bytes that are not UTF-8 are shown as escapes a person can read ("\x1b", "\n", "\t",
// "\u202e", "\xff"), never sent raw; "##[" becomes "#\x23[" and a leading "::" "\x3a:".
std::string terminal_text(std::string_view text);

// Whether a whole text may keep remedy's own colour: the SGR sequences ESC [ digits m.
enum class Colour { kept, escaped };

// A whole report, as terminal_text escapes one string, but its line breaks kept (and, with
// Colour::kept, the SGR colour sequences remedy paints with); every line that would start with
// "::" after its blanks has that ':' escaped.
std::string terminal_lines(std::string_view text, Colour colour);

// GitHub Actions workflow commands (`::error file=F,line=L::message`): in a message `%`, CR and
// LF become %25, %0D and %0A, as the runner unescapes them; in a property value also `:` and
// `,` (%3A, %2C). Either way the text stays on its command's line.
std::string github_message(std::string_view text);
std::string github_property(std::string_view text);

// XML 1.0 character data, and an attribute value (which also escapes quotes and keeps tab, CR
// and LF as references, since a parser would turn them into spaces). Valid for HTML and SVG
// too. Characters XML 1.0 does not allow, and bytes that are not UTF-8, become U+FFFD; C1
// controls and the bidi controls become character references, "##[" "#&#35;[".
std::string xml_text(std::string_view text);
std::string xml_attribute(std::string_view text);

// The same for the report's HTML5 page and the SVG in it (valid XML still), restricted to what a
// strict HTML5 parser reads without a parse error: C1 controls and noncharacters (U+FDD0..FDEF,
// U+xFFFE, U+xFFFF) become U+FFFD too, since even their references are errors there; a CR, or
// CR LF, is a line break ("\n", or "&#10;" where xml_* write one), never "&#13;".
std::string html_text(std::string_view text);
std::string html_attribute(std::string_view text);

// One CSV field (RFC 4180), free of control characters: the text as terminal_text shows it
// (control characters, C1 and bidi controls, and bytes that are not UTF-8 as escapes such as
// "\n", "\t", "\x1b", "\u202e", "\xff"; "##[" and a leading "::" escaped), so that a field is
// one line and `cat` of the file changes nothing on a terminal; then quoted when it holds a
// comma or a quote. Text that a spreadsheet would run as a formula (starting with =, +, @, or a
// '-' that does not start a number) gets a leading "'", the usual guard.
std::string csv_field(std::string_view text);

// An iCalendar TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped;
// other control characters, which TEXT does not allow, dropped.
std::string ics_text(std::string_view text);

} // namespace remedy

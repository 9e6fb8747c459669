#include "remedy/io/csv_reader.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace remedy;

namespace {

using Cells = std::vector<std::string>;

ExportTable read(std::string_view text) {
    const Expected<ExportTable, RowError> table = read_csv(text);
    INFO((table ? std::string() : table.error().message));
    REQUIRE(table.ok());
    return *table;
}

// "LINE: message" of a text that must not read.
std::string error_of(std::string_view text) {
    const Expected<ExportTable, RowError> table = read_csv(text);
    REQUIRE_FALSE(table.ok());
    return std::to_string(table.error().line) + ": " + table.error().message;
}

} // namespace

TEST_SUITE("csv_reader") {
    TEST_CASE("a comma-separated export: the header, then each row with its line") {
        const ExportTable table = read("Issue key,Status,Resolved\nSD-1,Done,12/Oct/26 2:03 PM\n"
                                       "SD-2,Open,\n");
        CHECK(table.header == Cells{"Issue key", "Status", "Resolved"});
        CHECK(table.header_line == 1);
        REQUIRE(table.rows.size() == 2);
        CHECK(table.rows[0].line == 2);
        CHECK(table.rows[0].cells == Cells{"SD-1", "Done", "12/Oct/26 2:03 PM"});
        CHECK(table.rows[1].line == 3);
        CHECK(table.rows[1].cells == Cells{"SD-2", "Open", ""});
    }

    TEST_CASE("the separator is the one the header line holds more of outside quotes") {
        CHECK(read("Ticket;Status;Closed\nT-1;Neu;\n").rows[0].cells == Cells{"T-1", "Neu", ""});
        // A comma inside a quoted header name does not count.
        CHECK(read("\"Ticket, number\";Status\nT-1;Neu\n").header ==
              Cells{"Ticket, number", "Status"});
        // Semicolons inside a cell of a comma-separated export are data.
        CHECK(read("A,B,C\nx;y,z,w\n").rows[0].cells == Cells{"x;y", "z", "w"});
        // One column: no separator at all.
        CHECK(read("Ticket\nT-1\n").rows[0].cells == Cells{"T-1"});
    }

    TEST_CASE("Excel's first line sep=X names the separator and is no header") {
        const ExportTable table = read("sep=;\r\nTicket;Summary, short\r\nT-1;a, b\r\n");
        CHECK(table.header == Cells{"Ticket", "Summary, short"});
        CHECK(table.header_line == 2);
        CHECK(table.rows[0].line == 3);
        CHECK(table.rows[0].cells == Cells{"T-1", "a, b"});
        CHECK(read("sep=,\nA,B\n1,2\n").rows[0].cells == Cells{"1", "2"});
        // Anything else on that line is a header like any other.
        CHECK(read("sep=;x\n1\n").header == Cells{"sep=", "x"});
    }

    TEST_CASE("a UTF-8 byte order mark is skipped") {
        const ExportTable table = read("\xEF\xBB\xBFTicketnummer;Status\n"
                                       "T20261012.0004;Erledigt\n");
        CHECK(table.header == Cells{"Ticketnummer", "Status"});
        CHECK(table.rows[0].cells == Cells{"T20261012.0004", "Erledigt"});
    }

    TEST_CASE("quoted cells hold separators, doubled quotes and line breaks") {
        const ExportTable table = read("Number,Short description,State\r\n"
                                       "INC1,\"Mail, \"\"all\"\" of it\r\ndown\",Resolved\r\n"
                                       "INC2,\"\",New\r\n");
        REQUIRE(table.rows.size() == 2);
        CHECK(table.rows[0].cells == Cells{"INC1", "Mail, \"all\" of it\r\ndown", "Resolved"});
        CHECK(table.rows[0].line == 2);
        // The cell spans lines 2 and 3, so the next row begins on line 4.
        CHECK(table.rows[1].line == 4);
        CHECK(table.rows[1].cells == Cells{"INC2", "", "New"});
    }

    TEST_CASE("lines end in LF, CRLF or CR, and each counts one line") {
        const ExportTable table = read("A,B\r\n1,2\r3,4\n5,6");
        REQUIRE(table.rows.size() == 3);
        CHECK(table.rows[0].line == 2);
        CHECK(table.rows[1].line == 3);
        CHECK(table.rows[2].line == 4);
        CHECK(table.rows[2].cells == Cells{"5", "6"});
    }

    TEST_CASE("blanks before an opening quote and after a closing one are not the cell's") {
        CHECK(read("A,B,C\n1, \"x, y\" ,2\n").rows[0].cells == Cells{"1", "x, y", "2"});
        // Unquoted cells keep their blanks: the import trims where it compares.
        CHECK(read("A,B\n 1 , 2\n").rows[0].cells == Cells{" 1 ", " 2"});
    }

    TEST_CASE("blank lines are skipped, before the header too") {
        const ExportTable table = read("\n\nA,B\n\n1,2\n   \n3,4\n\n");
        CHECK(table.header_line == 3);
        REQUIRE(table.rows.size() == 2);
        CHECK(table.rows[0].line == 5);
        CHECK(table.rows[1].line == 7);
    }

    TEST_CASE("a row may have fewer cells than the header, or empty ones past it") {
        CHECK(read("A,B,C\n1\n").rows[0].cells == Cells{"1"});
        CHECK(read("A,B\n1,2,,\n").rows[0].cells == Cells{"1", "2"});
    }

    TEST_CASE("a quote in an unquoted cell is data") {
        CHECK(read("A,B\n24\" monitor,2\n").rows[0].cells == Cells{"24\" monitor", "2"});
    }

    TEST_CASE("a broken row names the line where it begins") {
        CHECK(error_of("A,B\n1,2\n3,\"never closed\n4,5\n6,7\n") ==
              "3: a quote opened in the row that begins on line 3 is never closed (the rest of "
              "the file would be one cell)");
        CHECK(error_of("A,B\n1,\"x\"y\n") ==
              "2: text after the closing quote of a cell (line 2); a quote inside a quoted cell "
              "is written twice (\"\")");
        CHECK(error_of("A,B\n1,2\n1,2,3\n") ==
              "3: the row has 3 cells and the header 2: is a ',' inside a cell that is not in "
              "quotes?");
        // A quote left open pairs with the next quote, rows later: both lines are named.
        CHECK(error_of("A,B\n1,\"open\n2,3\n4,\"x\"\n") ==
              "2: the quote opened on line 2 closes on line 4 and text follows it: a quote is not "
              "closed, or one inside a quoted cell is not written twice (\"\")");
        // A row that spans lines is named by its first.
        CHECK(error_of("A;B\n1;\"two\nlines\";3\n") ==
              "2: the row has 3 cells and the header 2: is a ';' inside a cell that is not in "
              "quotes?");
    }

    TEST_CASE("an export that is not UTF-8 is refused at the row of the first bad byte") {
        CHECK(error_of("A,B\n1,2\n3,Caf\xE9\n") ==
              "3: the export is not UTF-8 here (a byte 0xE9); save it as UTF-8 (\"CSV UTF-8\" in "
              "Excel)");
        CHECK(error_of("\xFF\xFE"
                       "A\0,\0") ==
              "1: the export is UTF-16; remedy reads UTF-8 (save it as \"CSV UTF-8\" in Excel)");
    }

    TEST_CASE("an export without a header is refused") {
        CHECK(error_of("") == "1: the export is empty: it has no header line");
        CHECK(error_of("\xEF\xBB\xBF\r\n\r\n") == "1: the export is empty: it has no header line");
    }

    TEST_CASE("a NUL byte is data, checked where the cell is used") {
        const std::string text("A,B\n1,x\0y\n", 10);
        CHECK(read(text).rows[0].cells[1] == std::string("x\0y", 3));
    }
}

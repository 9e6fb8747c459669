#pragma once

// The HTML of `remedy report`, shared by its files: cells and tables with their escaping, and
// the sections of the record (ledger, incidents, changes, statement, audit, scorecard).
// Private to the render layer.

#include "remedy/render/board_report.h"

#include <date/date.h>
#include <string>
#include <string_view>
#include <vector>

namespace remedy::board {

// One cell: its markup (already escaped), and for the figures a program checks, its name.
struct Cell {
    std::string html;
    std::string_view figure = {};
    bool number = false;
    bool day = false; // a date: kept on one line
};

Cell text(std::string_view plain);
Cell number(std::string plain, std::string_view figure = {});
Cell day(date::sys_days value);

// Whether the first cell of each row names the row (a header for a screen reader).
enum class RowNames { first_cell, none };

void table(std::string& out, std::string_view class_name, std::string_view caption,
           const std::vector<std::string_view>& headers, const std::vector<std::vector<Cell>>& rows,
           RowNames names = RowNames::first_cell);
void section(std::string& out, std::string_view id, std::string_view heading);
void paragraph(std::string& out, std::string_view plain);

// "First letter up" for a phrase shared with the terminal reports, which start lower case.
std::string sentence(std::string phrase);

// The sections of the record, in the page's order (board_tables.cpp).
void ledger(std::string& out, const Plan& plan, const Judgement& judgement);
void incidents(std::string& out, const Plan& plan, const Judgement& judgement);
void agreed_changes(std::string& out, const Plan& plan, const Judgement& judgement);
void statement(std::string& out, const Plan& plan, const Judgement& judgement);
void audit_trail(std::string& out, const AuditTrail& audit);
void scorecard(std::string& out, const Plan& plan, const Judgement& judgement);

} // namespace remedy::board

// Text cells in our CSV exports, safe to open in a spreadsheet (OWASP "CSV injection").
//
//   csv_text_cell("=HYPERLINK(\"https://evil.example\")")  // "\"'=HYPERLINK(\"\"https://evil.example\"\")\""
//   neutralise_formula("-1 is geen getal")                  // "'-1 is geen getal"
//
// A text cell that begins with = + - @, a tab or a carriage return is read by Excel, LibreOffice
// and Google Sheets as a formula (which can fetch a URL with the sheet's data in it). A leading
// apostrophe makes it text. Only text cells are neutralised: numeric columns (ids, counts, votes
// of -1) stay numbers, so Pol.is tools read them as before. Our Pol.is import takes the apostrophe
// off again (restore_formula_text), so an export re-imports to the same statements.
#pragma once

#include <string>
#include <string_view>

namespace stadsmijn::server {

std::string neutralise_formula(std::string_view text);
// Undoes neutralise_formula: "'=x" -> "=x"; anything else unchanged.
std::string restore_formula_text(std::string_view text);
// neutralise_formula, then quoted as a CSV field ("" for a quote).
std::string csv_text_cell(std::string_view text);

}  // namespace stadsmijn::server

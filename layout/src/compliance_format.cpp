// The report as text, Markdown and JSON (docs/compliance.md).

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

#include "compliance_rules.hpp"

namespace hallsim::layout {

namespace {

constexpr const char* kStandardZh = "便民服务中心（站、点）建设与管理规范（征求意见稿）";
constexpr const char* kStandardEn =
    "Specification on the development and management of public service centers/stations/units "
    "(consultation draft)";
constexpr int kJsonFormatVersion = 1;
constexpr const char* kAttestHint =
    "To attest a checklist item, add {\"clause\": \"<id>\", \"attested\": true, \"by\": "
    "\"<name, post>\", \"date\": \"YYYY-MM-DD\"} to the plan's \"attestations\".";

struct Chapter {
  const char* number;
  const char* title_zh;
  const char* title_en;
};
constexpr std::array<Chapter, 3> kChapters{{
    {"4", "建设要求", "Construction"},
    {"5", "管理要求", "Management"},
    {"6", "监督、评价与改进", "Supervision, evaluation and improvement"},
}};

// The chapter a clause id belongs to: the digits before its first dot.
std::string chapter_of(const std::string& id) {
  return id.substr(0, id.find('.'));
}

std::string levels_text(const std::vector<SiteLevel>& levels) {
  if (levels.size() == 3) {
    return "all";
  }
  std::vector<std::string> names;
  for (const SiteLevel l : levels) {
    names.emplace_back(to_string(l));
  }
  return detail::join(names, "+");
}

const char* status_label(Status s) {
  switch (s) {
    case Status::pass:
      return "PASS";
    case Status::fail:
      return "FAIL";
    case Status::warn:
      return "WARN";
    case Status::manual:
      return "MANUAL";
    case Status::not_applicable:
      return "N/A";
  }
  return "?";
}

const char* outcome_label(Outcome o) {
  switch (o) {
    case Outcome::met:
      return "met";
    case Outcome::not_met:
      return "NOT MET";
    case Outcome::not_evaluated:
      return "open";
    case Outcome::info:
      return "info";
  }
  return "?";
}

// "guide-desk: main entrance to guidance desk: 1.75 m, in sight; required: ≤ 10 m".
std::string evidence_text(const Evidence& e) {
  std::string text;
  if (!e.element.empty()) {
    text += e.element + ": ";
  }
  text += e.subject + ": " + e.measured;
  if (!e.required.empty()) {
    text += "; required: " + e.required;
  }
  return text;
}

// "[met] guide-desk: ...".
std::string evidence_line(const Evidence& e) {
  std::string line = "[";
  line += outcome_label(e.outcome);
  line += "] ";
  line += evidence_text(e);
  return line;
}

// "<prefix>4 建设要求 / Construction\n".
std::string chapter_heading(const Chapter& chapter, const char* prefix) {
  std::string line = prefix;
  line += chapter.number;
  line += " ";
  line += chapter.title_zh;
  line += " / ";
  line += chapter.title_en;
  line += "\n";
  return line;
}

std::string pad(std::string text, std::size_t width) {
  if (text.size() < width) {
    text.append(width - text.size(), ' ');
  }
  return text;
}

std::string summary_line(const StatusCounts& n) {
  return std::to_string(n.pass) + " pass, " + std::to_string(n.fail) + " fail, " +
         std::to_string(n.warn) + " warn, " + std::to_string(n.manual) + " manual, " +
         std::to_string(n.not_applicable) + " n/a";
}

std::vector<std::string> failing_ids(const ComplianceReport& report) {
  std::vector<std::string> ids;
  for (const ClauseResult& c : report.clauses) {
    if (c.status == Status::fail) {
      ids.push_back(c.id);
    }
  }
  return ids;
}

std::string result_line(const ComplianceReport& report) {
  if (!report.shall_failed()) {
    return "no \"shall\" clause fails";
  }
  return std::to_string(report.counts.fail) + " \"shall\" clause" +
         (report.counts.fail == 1 ? "" : "s") + " fail: " + detail::join(failing_ids(report));
}

// Markdown table cells: a pipe would end the cell.
std::string cell(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

// Three decimals: enough for centimetres, and the same digits on every machine.
double rounded(double value) {
  const double r = std::round(value * 1000.0) / 1000.0;
  return r == 0.0 ? 0.0 : r;
}

}  // namespace

std::string format_text(const ComplianceReport& report) {
  std::string out;
  out += "hallsim check: ";
  out += kStandardZh;
  out += "\nplan: " + report.plan_file + "\nsite: " + report.site_name + " (" +
         to_string(report.level) + ")\n";
  for (const Chapter& chapter : kChapters) {
    out += chapter_heading(chapter, "\n");
    for (const ClauseResult& c : report.clauses) {
      if (chapter_of(c.id) != chapter.number) {
        continue;
      }
      out += pad(status_label(c.status), 8) + pad(c.id, 10) + pad(to_string(c.obligation), 7) +
             pad(levels_text(c.levels), 15) + c.title_zh + " / " + c.title_en + "\n";
      for (const Evidence& e : c.evidence) {
        out += "         " + evidence_line(e) + "\n";
      }
      if (!c.note.empty()) {
        out += "         note: " + c.note + "\n";
      }
    }
  }
  out += "\nSummary: " + summary_line(report.counts) + "\n";
  out += "Result: " + result_line(report) + "\n";
  if (report.counts.manual > 0) {
    out += kAttestHint;
    out += "\n";
  }
  return out;
}

std::string format_markdown(const ComplianceReport& report) {
  std::string out;
  out +=
      "# Compliance report: " + cell(report.site_name) + " (" + to_string(report.level) + ")\n\n";
  out += "Plan: `" + report.plan_file + "`. Standard: " + kStandardZh + ".\n\n";
  out += "**Summary:** " + summary_line(report.counts) + ". **Result:** " + result_line(report) +
         ".\n";
  if (report.counts.manual > 0) {
    out += "\n";
    out += kAttestHint;
    out += "\n";
  }
  for (const Chapter& chapter : kChapters) {
    out += chapter_heading(chapter, "\n## ") + "\n";
    out += "| status | clause | obligation | levels | title | evidence |\n";
    out += "|---|---|---|---|---|---|\n";
    for (const ClauseResult& c : report.clauses) {
      if (chapter_of(c.id) != chapter.number) {
        continue;
      }
      std::string evidence;
      for (const Evidence& e : c.evidence) {
        if (!evidence.empty()) {
          evidence += "<br>";
        }
        evidence += evidence_line(e);
      }
      if (!c.note.empty()) {
        evidence += (evidence.empty() ? "" : "<br>") + ("*" + c.note + "*");
      }
      out += "| " + std::string(status_label(c.status)) + " | " + c.id + " | " +
             to_string(c.obligation) + " | " + levels_text(c.levels) + " | " + cell(c.title_zh) +
             "<br>" + cell(c.title_en) + " | " + cell(evidence) + " |\n";
    }
  }
  return out;
}

std::string format_json(const ComplianceReport& report) {
  using Json = nlohmann::ordered_json;
  Json doc;
  doc["format"] = "hallsim-compliance";
  doc["format_version"] = kJsonFormatVersion;
  doc["standard"] = {{"title_zh", kStandardZh}, {"title_en", kStandardEn}};
  doc["plan"] = {
      {"file", report.plan_file}, {"site", report.site_name}, {"level", to_string(report.level)}};
  doc["summary"] = {{"pass", report.counts.pass},
                    {"fail", report.counts.fail},
                    {"warn", report.counts.warn},
                    {"manual", report.counts.manual},
                    {"not_applicable", report.counts.not_applicable},
                    {"shall_failed", report.shall_failed()},
                    {"failing", failing_ids(report)}};
  Json clauses = Json::array();
  for (const ClauseResult& c : report.clauses) {
    Json item;
    item["id"] = c.id;
    item["chapter"] = chapter_of(c.id);
    item["title_zh"] = c.title_zh;
    item["title_en"] = c.title_en;
    item["text_zh"] = c.text_zh;
    item["obligation"] = to_string(c.obligation);
    Json levels = Json::array();
    for (const SiteLevel l : c.levels) {
      levels.push_back(to_string(l));
    }
    item["levels"] = levels;
    Json methods = Json::array();
    for (const Method m : c.methods) {
      methods.push_back(to_string(m));
    }
    item["decided_by"] = methods;
    item["status"] = to_string(c.status);
    Json evidence = Json::array();
    for (const Evidence& e : c.evidence) {
      Json line;
      line["element"] = e.element;
      line["subject"] = e.subject;
      line["measured"] = e.measured;
      line["value"] = e.value ? Json(rounded(*e.value)) : Json(nullptr);
      line["unit"] = e.unit;
      line["required"] = e.required;
      line["outcome"] = to_string(e.outcome);
      evidence.push_back(line);
    }
    item["evidence"] = evidence;
    item["note"] = c.note;
    clauses.push_back(item);
  }
  doc["clauses"] = clauses;
  return doc.dump(2) + "\n";
}

std::string format_report(const ComplianceReport& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::text:
      return format_text(report);
    case ReportFormat::json:
      return format_json(report);
    case ReportFormat::markdown:
      return format_markdown(report);
  }
  return format_text(report);
}

}  // namespace hallsim::layout

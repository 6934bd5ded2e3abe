// Running the rules: applicability by level, attestations, simulation parts, and the status
// each clause's evidence leads to.

#include <algorithm>
#include <cassert>

#include "compliance_rules.hpp"
#include "hallsim/layout/diagnostics.hpp"

namespace hallsim::layout {

namespace {

// "4.4.3c" and "4.4.3 c" name the same item.
std::string normalised_clause(const std::string& clause) {
  if (clause.size() >= 2) {
    const char last = clause.back();
    const char before = clause[clause.size() - 2];
    if (last >= 'a' && last <= 'z' && before >= '0' && before <= '9') {
      return clause.substr(0, clause.size() - 1) + " " + last;
    }
  }
  return clause;
}

// True if `ancestor` is `id` or a clause that holds it: "5.5" holds "5.5.1", "4.4.5" holds
// "4.4.5 c".
bool holds_clause(const std::string& ancestor, const std::string& id) {
  if (id.size() < ancestor.size() || id.compare(0, ancestor.size(), ancestor) != 0) {
    return false;
  }
  return id.size() == ancestor.size() || id[ancestor.size()] == '.' || id[ancestor.size()] == ' ';
}

// Every attestation must name a clause of the checklist or a section holding some: a typo
// would otherwise go unseen.
void check_attestations(const std::vector<Rule>& rules, const Plan& plan,
                        const std::string& plan_file) {
  DiagnosticSink sink(plan_file);
  for (std::size_t i = 0; i < plan.attestations().size(); ++i) {
    const std::string& clause = plan.attestations()[i].clause;
    const std::string id = normalised_clause(clause);
    const bool known = std::any_of(rules.begin(), rules.end(),
                                   [&id](const Rule& r) { return holds_clause(id, r.id); });
    if (!known) {
      sink.error(json_pointer({"attestations", std::to_string(i), "clause"}),
                 "\"" + clause + "\" is not a clause of the standard's checklist",
                 "use an id as `hallsim check` lists it, such as \"4.3.4\" or \"4.4.5 c\", or "
                 "a section such as \"5.5\"");
    }
  }
  sink.throw_if_any();
}

// The attestation of clause `id`: its own, else that of the nearest section holding it.
const Attestation* attestation_of(const Plan& plan, const std::string& id) {
  const Attestation* best = nullptr;
  std::size_t best_length = 0;
  for (const Attestation& a : plan.attestations()) {
    const std::string named = normalised_clause(a.clause);
    if (holds_clause(named, id) && (best == nullptr || named.size() > best_length)) {
      best = &a;
      best_length = named.size();
    }
  }
  return best;
}

std::string describe(const Attestation& a, const std::string& id) {
  std::string text = std::string(a.attested ? "attested met" : "attested NOT met") + " by " + a.by +
                     " on " + a.date;
  if (normalised_clause(a.clause) != id) {
    text += " for all of " + a.clause;
  }
  if (!a.note.empty()) {
    text += " (" + a.note + ")";
  }
  return text;
}

Status status_of(const std::vector<Evidence>& evidence, Obligation obligation) {
  bool not_met = false;
  bool open = false;
  for (const Evidence& e : evidence) {
    not_met = not_met || e.outcome == Outcome::not_met;
    open = open || e.outcome == Outcome::not_evaluated;
  }
  if (not_met && obligation == Obligation::shall) {
    return Status::fail;
  }
  if (not_met && obligation == Obligation::should) {
    return Status::warn;
  }
  if (open) {
    return Status::manual;
  }
  return Status::pass;
}

std::string level_list(const std::vector<SiteLevel>& levels) {
  std::vector<std::string> names;
  for (const SiteLevel l : levels) {
    names.emplace_back(to_string(l));
  }
  return detail::join(names);
}

ClauseResult run_rule(const Rule& rule, const RuleContext& context) {
  ClauseResult c;
  c.id = rule.id;
  c.title_zh = rule.title_zh;
  c.title_en = rule.title_en;
  c.text_zh = rule.text_zh;
  c.obligation = rule.obligation;
  c.levels = rule.levels;
  c.methods = rule.methods;
  const SiteLevel level = context.plan.site().level;
  if (!detail::holds(rule.levels, level)) {
    c.status = Status::not_applicable;
    c.note = "Applies to " + level_list(rule.levels) + "; this site is a " + to_string(level) + ".";
    return c;
  }
  if (rule.check) {
    RuleResult r = rule.check(context);
    c.evidence = std::move(r.evidence);
    c.note = std::move(r.note);
  }
  if (context.supplementary != nullptr) {
    const auto extra = context.supplementary->extra.find(rule.id);
    if (extra != context.supplementary->extra.end()) {
      c.evidence.insert(c.evidence.end(), extra->second.begin(), extra->second.end());
    }
  }
  const bool by_sim = detail::holds(rule.methods, Method::sim);
  const bool by_person = detail::holds(rule.methods, Method::attest);
  if (by_sim) {
    assert(!rule.deferred_to.empty());
    c.evidence.push_back(detail::note_of("", "simulation", "not yet available", rule.deferred_to,
                                         Outcome::not_evaluated));
  }
  const Attestation* a = attestation_of(context.plan, rule.id);
  if (by_person) {
    assert(!rule.attest_scope.empty());
    const std::string required = "a person attests: " + rule.attest_scope;
    if (a != nullptr) {
      c.evidence.push_back(detail::note_of("", "attestation", describe(*a, rule.id), required,
                                           detail::met_if(a->attested)));
    } else {
      c.evidence.push_back(
          detail::note_of("", "attestation", "none", required, Outcome::not_evaluated));
    }
  } else if (a != nullptr && normalised_clause(a->clause) == rule.id) {
    c.evidence.push_back(detail::note_of("", "attestation",
                                         describe(*a, rule.id) + "; not used: the " +
                                             (by_sim ? "simulation" : "plan") +
                                             " decides this clause",
                                         "", Outcome::info));
  }
  c.status = status_of(c.evidence, rule.obligation);
  if (c.note.empty() && c.status == Status::manual) {
    if (by_sim && !detail::holds(rule.methods, Method::plan)) {
      c.note = "Decided by simulation, which is not yet available: a checklist item until then.";
    } else if (by_person && !detail::holds(rule.methods, Method::plan)) {
      c.note = "Checklist item: only a person can attest it.";
    } else {
      c.note = "The plan's part is met; the rest is not yet evaluated.";
    }
  }
  return c;
}

}  // namespace

const ClauseResult* ComplianceReport::find(const std::string& id) const {
  for (const ClauseResult& c : clauses) {
    if (c.id == id) {
      return &c;
    }
  }
  return nullptr;
}

ComplianceReport run_rules(const std::vector<Rule>& rules, const Plan& plan,
                           const std::string& plan_file, const CheckOptions& options,
                           const SupplementaryEvidence* supplementary) {
  check_attestations(rules, plan, plan_file);
  const RuleContext context{plan, options, supplementary};
  ComplianceReport report;
  report.plan_file = plan_file;
  report.site_name = plan.site().name;
  report.level = plan.site().level;
  for (const Rule& rule : rules) {
    ClauseResult c = run_rule(rule, context);
    switch (c.status) {
      case Status::pass:
        ++report.counts.pass;
        break;
      case Status::fail:
        ++report.counts.fail;
        break;
      case Status::warn:
        ++report.counts.warn;
        break;
      case Status::manual:
        ++report.counts.manual;
        break;
      case Status::not_applicable:
        ++report.counts.not_applicable;
        break;
    }
    report.clauses.push_back(std::move(c));
  }
  return report;
}

ComplianceReport check_compliance(const Plan& plan, const std::string& plan_file,
                                  const CheckOptions& options,
                                  const SupplementaryEvidence* supplementary) {
  return run_rules(standard_rules(), plan, plan_file, options, supplementary);
}

const char* to_string(Status value) {
  switch (value) {
    case Status::pass:
      return "pass";
    case Status::fail:
      return "fail";
    case Status::warn:
      return "warn";
    case Status::manual:
      return "manual";
    case Status::not_applicable:
      return "not_applicable";
  }
  return "?";
}

const char* to_string(Obligation value) {
  switch (value) {
    case Obligation::shall:
      return "shall";
    case Obligation::should:
      return "should";
    case Obligation::may:
      return "may";
  }
  return "?";
}

const char* to_string(Method value) {
  switch (value) {
    case Method::plan:
      return "plan";
    case Method::sim:
      return "sim";
    case Method::attest:
      return "attest";
  }
  return "?";
}

const char* to_string(Outcome value) {
  switch (value) {
    case Outcome::met:
      return "met";
    case Outcome::not_met:
      return "not_met";
    case Outcome::not_evaluated:
      return "not_evaluated";
    case Outcome::info:
      return "info";
  }
  return "?";
}

}  // namespace hallsim::layout

// The clauses of the standard, in its order, each bound to its plan check. Adding or changing
// a clause touches its entry here and, if the plan can decide it, one function in
// compliance_<chapter>.cpp.

#include "compliance_rules.hpp"

namespace hallsim::layout {

namespace {

const std::vector<SiteLevel> kAll{SiteLevel::center, SiteLevel::station, SiteLevel::unit};
const std::vector<SiteLevel> kCenter{SiteLevel::center};
const std::vector<SiteLevel> kStation{SiteLevel::station};
const std::vector<SiteLevel> kUnit{SiteLevel::unit};

const std::vector<Method> kPlan{Method::plan};
const std::vector<Method> kAttest{Method::attest};
const std::vector<Method> kSim{Method::sim};
const std::vector<Method> kPlanAttest{Method::plan, Method::attest};
const std::vector<Method> kPlanSim{Method::plan, Method::sim};

// A rule under construction: the clause's identity first, then what decides it.
struct Entry {
  Rule rule;
  Entry& attest(std::string scope) {
    rule.attest_scope = std::move(scope);
    return *this;
  }
  Entry& defer(std::string what) {
    rule.deferred_to = std::move(what);
    return *this;
  }
  Entry& plan_check(std::function<RuleResult(const RuleContext&)> check) {
    rule.check = std::move(check);
    return *this;
  }
};

Entry clause(std::string id, std::string title_zh, std::string title_en, std::string text_zh,
             Obligation obligation, const std::vector<SiteLevel>& levels,
             const std::vector<Method>& methods) {
  Entry e;
  e.rule.id = std::move(id);
  e.rule.title_zh = std::move(title_zh);
  e.rule.title_en = std::move(title_en);
  e.rule.text_zh = std::move(text_zh);
  e.rule.obligation = obligation;
  e.rule.levels = levels;
  e.rule.methods = methods;
  return e;
}

}  // namespace

std::vector<Rule> standard_rules() {
  namespace d = detail;
  std::vector<Rule> rules;
  const auto add = [&rules](const Entry& entry) { rules.push_back(entry.rule); };

  // ---- 4 建设要求 Construction -----------------------------------------------------------
  add(clause("4.1", "选址", "Site selection",
             "宜整合现有各类资源……推进政务服务大厅建设；便民服务中心宜设在辖区范围内位置适中、"
             "交通便利、公共设施较完善、方便企业群众办事的地点；便民服务站宜依托现有村（社区）"
             "党群服务中心或其他公共活动场所新建、改扩建；便民服务点宜根据企业群众需求、结合服务"
             "对象特点和社会资源优势合理选址设置。",
             Obligation::should, kAll, kAttest)
          .attest("the site reuses existing facilities; a center is central and easy to "
                  "reach; a station sits in the village or community party-mass service "
                  "center; a unit is placed where the demand is"));
  add(clause("4.2.1", "场所：外观", "Premises: appearance",
             "便民服务中心（站、点）应简朴整洁、庄重大方，具有政务服务辨识度。", Obligation::shall,
             kAll, kAttest)
          .attest("plain, tidy and dignified, recognisably a government service place"));
  add(clause("4.2.2", "场所：面积", "Premises: building area",
             "应根据服务人口、企业数量、职责定位等合理规划确定便民服务中心（站、点）建筑面积。",
             Obligation::shall, kAll, kPlanSim)
          .defer("waiting seats set against the simulated peak of people waiting "
                 "(`hallsim simulate`)")
          .plan_check(d::building_area));
  add(clause("4.3.1", "标识标牌：办事引导标识和警示标识", "Signs: guidance and warning signs",
             "应设置醒目、清晰、易于识别的办事引导标识和警示标识。", Obligation::shall, kAll, kPlan)
          .plan_check(d::guidance_and_warning_signs));
  add(clause("4.3.2", "标识标牌：“苏服办”品牌标识", "Signs: the provincial \"苏服办\" brand",
             "应体现省级政务服务“苏服办”品牌标识，各地品牌宜与省级品牌相协调。", Obligation::shall,
             kAll, kPlan)
          .plan_check(d::brand_sign));
  add(clause("4.3.3", "标识标牌：窗口功能", "Signs: window number and services",
             "应标示窗口功能，包括但不限于窗口编号、服务事项。", Obligation::shall, kAll, kPlan)
          .plan_check(d::window_labels));
  add(clause("4.3.4", "标识标牌：工作牌", "Signs: staff name cards",
             "应设置工作牌，包括但不限于工作人员姓名、岗位、照片、咨询电话。", Obligation::shall,
             kAll, kAttest)
          .attest("every clerk's name card shows name, post, photo and enquiry phone"));
  add(clause("4.3.5", "标识标牌：办理状态显示屏", "Signs: handling-status display",
             "宜设置办理状态显示屏，提示事项办理进度。", Obligation::should, kAll, kPlan)
          .plan_check(d::status_display));
  add(clause("4.3.6", "标识标牌：服务时间牌", "Signs: opening-hours board at the entrance",
             "应在出入口醒目位置设置服务时间牌。", Obligation::shall, kAll, kPlan)
          .plan_check(d::hours_board));
  add(clause("4.3.7", "标识标牌：安全提示牌", "Signs: safety signs",
             "应设置安全提示牌，如“小心台阶”“小心玻璃”“禁止烟火”“紧急出口”等。", Obligation::shall,
             kAll, kPlan)
          .plan_check(d::safety_signs));
  add(clause("4.3.8", "标识标牌：统一字体、字号、底纹颜色",
             "Signs: uniform lettering and colours in the region",
             "宜在一定的地域范围内统一场所名称标识标牌的字体、字号、底纹颜色等。",
             Obligation::should, kAll, kAttest)
          .attest("name signs use the region's common font, size and background colour"));
  add(clause("4.3.9", "标识标牌：功能区分布图", "Signs: floor map of the functional zones",
             "便民服务中心应设有功能区分布图，标明各区域功能。", Obligation::shall, kCenter, kPlan)
          .plan_check(d::zone_map));
  add(clause("4.3.10", "标识标牌：户外楼体标识牌（门头）", "Signs: outdoor name sign",
             "便民服务中心应加挂户外环境楼体标识牌（门头），不具备条件的，应该设置横版或竖版户外"
             "标识牌，名称统一为：“XX 乡镇（街道）便民服务中心”。",
             Obligation::shall, kCenter, kPlan)
          .plan_check(d::outdoor_name_sign));
  add(clause("4.4.1.1", "功能布局：功能区域", "Layout: functional zones",
             "应合理设置功能区域，包括但不限于咨询导服区、窗口服务区、政务公开区、自助服务区、"
             "休息等候区。",
             Obligation::shall, kAll, kPlan)
          .plan_check(d::functional_zones));
  add(clause("4.4.1.2 a", "功能布局：母婴室", "Layout: mother-and-baby room",
             "母婴室、无障碍、应急、适老等功能应符合国家、省有关政策文件及强制标准要求。",
             Obligation::shall, kCenter, kPlan)
          .plan_check(d::mother_baby_room));
  add(clause("4.4.1.2 b", "功能布局：无障碍", "Layout: barrier-free access",
             "母婴室、无障碍、应急、适老等功能应符合国家、省有关政策文件及强制标准要求。",
             Obligation::shall, kAll, kPlan)
          .plan_check(d::barrier_free));
  add(clause("4.4.1.2 c", "功能布局：应急（安全出口与疏散）", "Layout: emergency exits and egress",
             "母婴室、无障碍、应急、适老等功能应符合国家、省有关政策文件及强制标准要求。",
             Obligation::shall, kAll, kPlan)
          .plan_check(d::emergency_exits));
  add(clause("4.4.1.2 d", "功能布局：适老", "Layout: elder-friendly facilities",
             "母婴室、无障碍、应急、适老等功能应符合国家、省有关政策文件及强制标准要求。",
             Obligation::shall, kAll, kPlan)
          .plan_check(d::elder_friendly));
  add(clause("4.4.1.3", "功能布局：特色功能区", "Layout: featured zones",
             "便民服务中心宜设置党建引领、智慧政务、产业促进、宣教互动、公益服务等特色功能区。",
             Obligation::should, kCenter, kPlan)
          .plan_check(d::featured_zones));
  add(clause("4.4.1.4", "功能布局：便民服务点因地制宜",
             "Layout: a service unit adapted to local conditions",
             "便民服务点服务功能布局应因地制宜、简便易行，配备必要的设施设备。", Obligation::shall,
             kUnit, kPlan)
          .plan_check(d::unit_minimal_set));
  add(clause("4.4.2.1", "咨询导服区：主要出入口显著位置",
             "Guidance zone: conspicuous, at the main entrance", "应设置在主要出入口显著位置。",
             Obligation::shall, kAll, kPlan)
          .plan_check(d::guidance_at_entrance));
  add(clause("4.4.2.2", "咨询导服区：功能", "Guidance zone: functions",
             "应具备咨询、引导、投诉处置、取号、叫号、预约等功能。", Obligation::shall, kAll,
             kPlanAttest)
          .attest("the guidance staff handle complaints and appointments (and, where there "
                  "is no machine, ticket taking and calling)")
          .plan_check(d::guidance_functions));
  add(clause("4.4.2.3", "咨询导服区：便民服务站统筹设置",
             "Guidance zone: a station arranges it as conditions allow",
             "便民服务站根据实际情况统筹设置咨询导服区。", Obligation::may, kStation, kPlan)
          .plan_check(d::station_guidance));
  add(clause("4.4.3 a", "窗口服务区：全科窗口", "Window service: general (all-purpose) windows",
             "设置全科窗口，为群众提供综合服务。", Obligation::shall, kAll, kPlan)
          .plan_check(d::general_windows));
  add(clause("4.4.3 b", "窗口服务区：窗口数量动态优化调整",
             "Window service: open windows adjusted to demand",
             "对外服务窗口数量应根据服务对象办事频率、习惯等情况动态优化调整。", Obligation::shall,
             kAll, kSim)
          .defer("window counts per period tuned to the demand (`hallsim tune`)"));
  add(clause("4.4.3 c", "窗口服务区：设施设备", "Window service: equipment",
             "应配备的设施设备包含但不限于：办公桌椅、办公用品、电话、计算机、打印机、复印机、"
             "服务评价器（二维码）等。",
             Obligation::shall, kAll, kPlan)
          .plan_check(d::window_equipment));
  add(clause("4.4.3 d", "窗口服务区：便民服务中心专门窗口",
             "Window service: a center's dedicated windows",
             "便民服务中心应统筹设置“部门综窗”“跨省通办”“省内通办”“一件事”“办不成事”反映、"
             "帮办代办等窗口。",
             Obligation::shall, kCenter, kPlan)
          .plan_check(d::center_window_types));
  add(clause("4.4.4 a", "政务公开区：显著位置", "Disclosure zone: conspicuous",
             "应设置在显著位置，方便企业群众查阅信息资料。", Obligation::shall, kAll, kPlan)
          .plan_check(d::disclosure_conspicuous));
  add(clause("4.4.4 b", "政务公开区：公开内容", "Disclosure zone: what is published",
             "公开内容包含但不限于事项清单、服务指南、格式文本、示范样本、服务机制、便民利民政"
             "策。",
             Obligation::shall, kAll, kAttest)
          .attest("item lists, service guides, form templates, filled-in samples, service "
                  "rules and policies are published"));
  add(clause("4.4.4 c", "政务公开区：公开设施设备", "Disclosure zone: equipment",
             "公开设施设备包含但不限于：公示栏、多媒体显示屏、信息查询机。", Obligation::shall,
             kAll, kPlan)
          .plan_check(d::disclosure_equipment));
  add(clause("4.4.4 d", "政务公开区：智慧化展示阵地", "Disclosure zone: digital showcase",
             "宜运用智慧化、数字化、信息化手段将政务公开区建设成为党建、文化、形象展示阵地。",
             Obligation::should, kAll, kAttest)
          .attest("the disclosure zone uses digital means to present party building, culture "
                  "and the hall's image"));
  add(clause("4.4.5 a", "自助服务区：自助服务设施设备", "Self-service: kiosks",
             "应配备必要的自助服务设施设备。", Obligation::shall, kAll, kPlan)
          .plan_check(d::self_service_kiosks));
  add(clause("4.4.5 b", "自助服务区：标明名称、指南、清单、电话、安全提示",
             "Self-service: kiosk labels",
             "应标明设施设备名称、操作指南、事项清单、联系电话和安全提示等。", Obligation::shall,
             kAll, kPlan)
          .plan_check(d::kiosk_labels));
  add(clause("4.4.5 c", "自助服务区：自助服务工作人员", "Self-service: assisting staff",
             "宜配备专兼职自助服务工作人员，提供咨询指引、辅导办、帮代办服务。", Obligation::should,
             kAll, kAttest)
          .attest("full- or part-time staff help visitors at the kiosks"));
  add(clause("4.4.5 d", "自助服务区：高频事项自助服务", "Self-service: high-frequency items",
             "便民服务中心应提供高频事项的自助服务。", Obligation::shall, kCenter, kPlanSim)
          .defer("the share of demand the kiosks can serve (`hallsim simulate`)")
          .plan_check(d::high_frequency_self_service));
  add(clause("4.4.5 e", "自助服务区：24 小时自助服务区", "Self-service: 24-hour zone",
             "便民服务中心宜设置 24 小时自助服务区。", Obligation::should, kCenter, kPlan)
          .plan_check(d::self_service_24h));
  add(clause("4.4.5 f", "自助服务区：便民服务站自助服务功能",
             "Self-service: a station's zone or function",
             "便民服务站根据需要设置自助服务区，不设置的，应具备自助服务功能。", Obligation::shall,
             kStation, kPlan)
          .plan_check(d::station_self_service));
  add(clause("4.4.6.1", "休息等候区：休息、等候、填单",
             "Rest and waiting: rest, waiting, form filling", "应具备休息、等候、填单等功能。",
             Obligation::shall, kAll, kPlan)
          .plan_check(d::rest_and_form_filling));
  add(clause("4.4.6.2", "休息等候区：便民服务设施设备", "Rest and waiting: amenities",
             "应配备饮水机、水杯、休息椅、充电站、雨伞等便民服务设施设备。", Obligation::shall,
             kAll, kPlan)
          .plan_check(d::waiting_amenities));

  // ---- 5 管理要求 Management -------------------------------------------------------------
  const auto attest_only = [&add](std::string id, std::string zh, std::string en, std::string text,
                                  Obligation obligation, const std::vector<SiteLevel>& levels,
                                  std::string scope) {
    add(clause(std::move(id), std::move(zh), std::move(en), std::move(text), obligation, levels,
               kAttest)
            .attest(std::move(scope)));
  };
  const auto sim_only = [&add](std::string id, std::string zh, std::string en, std::string text,
                               Obligation obligation, const std::vector<SiteLevel>& levels,
                               std::string deferred) {
    add(clause(std::move(id), std::move(zh), std::move(en), std::move(text), obligation, levels,
               kSim)
            .defer(std::move(deferred)));
  };
  constexpr Obligation kShall = Obligation::shall;
  constexpr Obligation kShould = Obligation::should;

  attest_only("5.1", "总体要求：管理机构", "General: managing body",
              "应设立管理机构，明确负责人，建立健全相应的运行管理机制，对进驻的工作人员、事项和服务"
              "进行统一管理。",
              kShall, kAll, "a managing body with a named responsible person runs the hall");
  attest_only("5.2.1", "进驻管理：统一管理", "Resident departments: unified management",
              "入驻便民服务中心的部门和窗口应服从管理机构统一管理，落实各项管理制度和服务要求。",
              kShall, kAll, "resident departments and windows follow the managing body's rules");
  attest_only("5.2.2", "进驻管理：进驻事项清单", "Resident departments: item lists",
              "应结合实际规范编制各类进驻事项清单。", kShall, kAll,
              "the lists of resident service items are compiled");
  attest_only("5.2.3", "进驻管理：动态调整", "Resident departments: items adjusted",
              "应按照有关要求开展进驻事项的动态调整工作。", kShall, kAll,
              "the resident items are reviewed and adjusted");
  attest_only("5.2.4", "进驻管理：税务、公安、市场监管事项",
              "Resident departments: tax, police, market regulation",
              "应推动税务、公安、市场监管等事项进驻便民服务中心。", kShall, kCenter,
              "tax, police and market-regulation items are handled at the center");
  attest_only("5.2.5", "进驻管理：水、电、燃气等事项", "Resident departments: utilities",
              "宜推动与企业群众生产生活密切相关的水、电、燃气等服务事项进驻便民服务中心。", kShould,
              kCenter, "water, power and gas services are handled at the center");
  attest_only("5.2.6", "进驻管理：政策服务事项", "Resident departments: policy services",
              "宜推动税费减免、科技创新、人才补贴等领域的政策服务事项进驻便民服务中心。", kShould,
              kCenter, "tax relief, innovation and talent-subsidy services are handled here");
  attest_only("5.2.7", "进驻管理：便民服务站参照执行",
              "Resident departments: a station follows the center",
              "进驻便民服务站的服务事项参照便民服务中心执行。", kShall, kStation,
              "the station's items are managed as a center's are");
  attest_only("5.2.8", "进驻管理：便民服务点合理确定", "Resident departments: a unit's items",
              "进驻便民服务点的服务事项应根据服务阵地、服务特色、服务人员等因素合理确定。", kShall,
              kUnit, "the unit's items suit its premises, features and staff");
  sim_only("5.3.1", "人员管理：配备工作人员", "Staff: staffing to demand",
           "管理机构应根据政务服务发展形势、服务人口数量和办件量等，配备相应工作人员。", kShall,
           kAll, "staff per period sized to the case volume (`hallsim tune`)");
  sim_only("5.3.2", "人员管理：全科工作人员", "Staff: general (all-purpose) staff",
           "管理机构宜统一配备乡镇（街道）、村（社区）全科工作人员，围绕窗口办件和职业化发展情况，"
           "明确具体的激励、奖励措施。",
           kShould, kAll, "the skills of the general windows' staff (`hallsim simulate`)");
  attest_only("5.3.3", "人员管理：派驻窗口工作人员", "Staff: posting to windows",
              "管理机构应指导进驻部门根据事项办理需要和岗位设置要求派驻窗口工作人员。", kShall,
              kAll, "departments post window staff as the items and posts require");
  attest_only("5.3.4", "人员管理：岗位职责与培训", "Staff: duties and training",
              "管理机构应明确工作人员岗位职责，并开展相应的教育培训。", kShall, kAll,
              "duties are written down and staff are trained");
  attest_only("5.3.5", "人员管理：熟悉政策与规程", "Staff: knowledge of policies and procedures",
              "工作人员应熟悉政策改革文件、相关法律法规，掌握进驻事项的办理规程。", kShall, kAll,
              "staff know the policies, laws and procedures of their items");
  attest_only("5.3.6", "人员管理：职业技能", "Staff: professional skills",
              "工作人员应具备相应的职业技能要求。", kShall, kAll, "staff have the required skills");
  attest_only("5.3.7", "人员管理：统一着装", "Staff: uniforms and badges",
              "工作人员应统一着装，佩戴工作标志。", kShall, kAll, "staff wear uniforms and badges");
  attest_only("5.3.8", "人员管理：仪容与用语", "Staff: conduct",
              "工作人员应仪容整洁、文明用语、行为得体、微笑服务。", kShall, kAll,
              "staff are neat, polite and friendly");
  attest_only("5.4.1", "服务管理：办理规程", "Service: procedures",
              "应建立服务事项办理规程，明确服务事项办理的时限、提交材料、办理流程、收费标准等。",
              kShall, kAll, "each item has a procedure with time limit, materials, flow and fees");
  attest_only("5.4.2", "服务管理：依规程服务", "Service: served by the procedures",
              "应依照事项办理规程和要求提供服务。", kShall, kAll, "service follows the procedures");
  sim_only("5.4.3", "服务管理：首问负责、一次性告知、限时办结",
           "Service: first-question "
           "responsibility, one-time notification, time-limited completion",
           "应建立并落实首问负责、一次性告知、限时办结、“十要十严禁”等服务制度和服务规范。", kShall,
           kAll, "repeat visits caused by missing materials (`hallsim simulate`)");
  sim_only("5.4.4", "服务管理：帮办代办", "Service: help and agency", "应规范提供帮办代办服务。",
           kShall, kAll, "visitors given help and agency service (`hallsim simulate`)");
  add(clause("5.4.5", "服务管理：精细化服务",
             "Service: complaint window, appointments, extended hours",
             "便民服务中心宜提供“办不成事”反映、预约服务、延时服务等精细化服务。",
             Obligation::should, kCenter, kPlanSim)
          .defer("appointments and lunch-time and evening service (`hallsim simulate`)")
          .plan_check(d::refined_services));
  attest_only("5.4.6", "服务管理：便民服务站特色服务", "Service: a station's featured services",
              "便民服务站宜结合实际推行特色服务。", kShould, kStation,
              "the station offers featured services suited to it");
  attest_only("5.5.1", "环境管理：安静舒适、整洁有序", "Environment: quiet, tidy, orderly",
              "应营造安静舒适环境，内外部环境应整洁干净、秩序良好。", kShall, kAll,
              "inside and outside are quiet, clean and orderly");
  attest_only("5.5.2", "环境管理：物品摆放", "Environment: items in order (GB/T 36112)",
              "设施设备及用品摆放应整齐有序，物品管理符合 GB/T 36112 的要求。", kShall, kAll,
              "equipment and supplies are kept in order as GB/T 36112 asks");
  attest_only("5.5.3", "环境管理：宣传展品，不张贴商业广告",
              "Environment: modest displays, no commercial advertising",
              "宣传展品简明美观、合理适度，不宜张贴各类商业广告。", kShould, kAll,
              "displays are modest and no commercial advertising is posted");
  attest_only("5.6", "设施设备管理", "Facilities management (GB/T 36112)",
              "应符合 GB/T 36112 的要求。", kShall, kAll,
              "facilities are managed as GB/T 36112 asks");
  attest_only("5.7.1", "安全管理：安全管理制度", "Safety: safety management system",
              "应建立安全管理制度，做好人、财、物等安全防护与应急处理工作。", kShall, kAll,
              "a safety system protects people, money and property and handles emergencies");
  add(clause("5.7.2", "安全管理：安全要求",
             "Safety: staff, equipment, inspections, plans and drills",
             "安全要求包括但不限于：配备专兼职安全管理人员，定期组织培训教育；安全设施设备齐全；"
             "定期检查维护安全设施设备；制定安全应急处理预案，定期组织演练；分类制定应急工作预案，"
             "协助处置群体和突发事件。",
             Obligation::shall, kAll, kPlanAttest)
          .attest("safety staff are named and trained; equipment is inspected; emergency "
                  "plans exist and are drilled")
          .plan_check(d::safety_equipment));
  attest_only("5.8.1", "档案管理：档案管理制度", "Archives: records system",
              "应建立档案管理制度，对档案进行妥善保管。", kShall, kAll,
              "a records system keeps the archives safe");
  attest_only("5.8.2", "档案管理：文书档案", "Archives: documents filed by year",
              "按照相关规定对文书档案进行收集、整理，分年度归档、保管。", kShall, kAll,
              "documents are collected, sorted and filed by year");
  attest_only("5.8.3", "档案管理：业务材料归档", "Archives: case records",
              "应对政务服务过程中具有查考保存价值的业务材料进行分类、整理、立卷、归档、保存。",
              kShall, kAll, "case records worth keeping are sorted, filed and kept");
  attest_only("5.8.4", "档案管理：电子档案", "Archives: electronic records (GB/T 18894)",
              "电子档案的存档和管理应符合 GB/T 18894 的要求。", kShall, kAll,
              "electronic records are kept as GB/T 18894 asks");

  // ---- 6 监督、评价与改进 Supervision, evaluation, improvement ---------------------------
  attest_only("6.1.1", "监督：监督机制", "Supervision: mechanism",
              "管理机构应建立监督机制，将便民服务中心（站、点）建设与管理情况纳入考核。", kShall,
              kAll, "a supervision mechanism exists and the hall is part of the appraisal");
  add(clause("6.1.2", "监督：监督方式",
             "Supervision: patrols, inspections, video, complaints, mystery visits",
             "监督方式包含但不限于：日常巡查、专项督查、视频监控、服务投诉、明察暗访。",
             Obligation::shall, kAll, kPlanAttest)
          .attest("daily patrols, inspections, video monitoring, complaints and mystery "
                  "visits are in use")
          .plan_check(d::camera_coverage));
  sim_only(
      "6.2", "评价", "Evaluation: internal and external, good/bad reviews per window",
      "坚持内部评价和外部评价相结合，综合采用自我评价、服务满意度评价、第三方测评等方式开展评价；"
      "落实“好差评”制度，窗口服务评价应符合 GB/T 39734、GB/T 39735 和 GB/T 40762 的要求。",
      kShall, kAll, "the review given after each visit, per window (`hallsim simulate`)");
  attest_only(
      "6.3", "改进", "Improvement",
      "应建立持续改进机制，包含但不限于：畅通企业群众提出改进诉求的渠道，及时发现问题；建立诉求"
      "的快速反馈机制，及时回应诉求；根据监督、评价结果，及时整改落实，持续提升政务服务。",
      kShall, kAll, "channels for requests, quick responses and rectification exist");
  return rules;
}

}  // namespace hallsim::layout

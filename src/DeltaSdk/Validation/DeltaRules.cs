using System.Collections.Frozen;
using System.Collections.Immutable;

namespace DeltaSdk.Validation;

/// <summary>
/// The catalogue of built-in validation rules: one <see cref="RuleDescriptor"/> per rule, with its stable code,
/// default severity, bilingual title and message, and help page under <c>docs/rules/&lt;code&gt;.md</c>.
/// </summary>
/// <remarks>
/// Codes are grouped by their first digit: <c>DLT1xxx</c> structure and identifiers, <c>DLT2xxx</c> references,
/// <c>DLT3xxx</c> time, <c>DLT4xxx</c> status, <c>DLT5xxx</c> counts, <c>DLT6xxx</c> indicators,
/// <c>DLT7xxx</c> provenance. A code, once published, keeps its meaning.
/// </remarks>
public static class DeltaRules
{
    /// <summary>The address under which every built-in rule has a page named after its code.</summary>
    public const string HelpLinkBase = "https://github.com/deltasdk/deltasdk/blob/main/docs/rules/";

    /// <summary>Gets the rule <c>DLT1001</c>: the text is not well-formed JSON.</summary>
    public static RuleDescriptor JsonSyntax { get; } = Rule(
        "DLT1001", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Malformed JSON", "JSON 语法错误",
        "The text is not well-formed JSON: {0}",
        "文本不是格式正确的 JSON：{0}");

    /// <summary>Gets the rule <c>DLT1002</c>: well-formed JSON that does not match the document's canonical format.</summary>
    public static RuleDescriptor InvalidDocument { get; } = Rule(
        "DLT1002", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Document does not match its format", "文档不符合规范格式",
        "The document does not match the canonical format: {0}",
        "文档不符合规范格式：{0}");

    /// <summary>Gets the rule <c>DLT1003</c>: the kind of a JSON document cannot be told, so <see cref="ValidationReport.DocumentKind"/> is <see langword="null"/>.</summary>
    public static RuleDescriptor UnknownDocumentKind { get; } = Rule(
        "DLT1003", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Unknown document kind", "无法识别文档类型",
        "Cannot tell which kind of document this is: it is not a JSON object with a recognised \"$schema\" or with the properties of a plan, region table, observation batch or progress report.",
        "无法判断文档类型：它不是带有可识别 \"$schema\" 的 JSON 对象，也不具备计划、地区表、观测批次或进展报告的属性。");

    /// <summary>Gets the rule <c>DLT1004</c>: a <c>$schema</c> that names no DeltaSdk document.</summary>
    public static RuleDescriptor UnrecognizedSchema { get; } = Rule(
        "DLT1004", RuleCategory.Structure, DiagnosticSeverity.Warning,
        "Unrecognised $schema", "无法识别的 $schema",
        "The \"$schema\" '{0}' names no DeltaSdk document; the kind is inferred from the document's properties instead.",
        "\"$schema\" 值 '{0}' 不对应任何 DeltaSdk 文档类型；改为根据文档属性推断类型。");

    /// <summary>Gets the rule <c>DLT1005</c>: a <c>formatVersion</c> this library cannot read.</summary>
    public static RuleDescriptor UnsupportedFormatVersion { get; } = Rule(
        "DLT1005", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Unsupported format version", "不支持的格式版本",
        "Format version '{0}' is not supported: this library reads version 1.x.",
        "不支持格式版本 '{0}'：本库读取 1.x 版本。");

    /// <summary>Gets the rule <c>DLT1006</c>: an identifier, code or period in JSON text is not in its canonical form.</summary>
    public static RuleDescriptor MalformedIdentifier { get; } = Rule(
        "DLT1006", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Malformed identifier or period", "标识符或期间格式错误",
        "A value is not in its canonical form: {0}",
        "值不符合规范形式：{0}");

    /// <summary>Gets the rule <c>DLT1007</c>: a list holds <c>null</c> where an object is required.</summary>
    public static RuleDescriptor NullElement { get; } = Rule(
        "DLT1007", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Null in a list of objects", "对象列表中出现 null",
        "A list holds null where an object is required.",
        "列表中出现 null，此处需要一个对象。");

    /// <summary>Gets the rule <c>DLT1010</c>: a required identifier or period is empty (<c>default</c>).</summary>
    public static RuleDescriptor MissingIdentifier { get; } = Rule(
        "DLT1010", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Missing identifier", "缺少标识符",
        "A required identifier or period is empty.",
        "必需的标识符或期间为空。");

    /// <summary>Gets the rule <c>DLT1011</c>: an identifier or code is used twice where it must be unique.</summary>
    public static RuleDescriptor DuplicateIdentifier { get; } = Rule(
        "DLT1011", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Duplicate identifier", "标识符重复",
        "'{0}' is already used at {1}.",
        "'{0}' 已在 {1} 处使用。");

    /// <summary>Gets the rule <c>DLT1012</c>: a required name has no text in either Simplified Chinese or English.</summary>
    public static RuleDescriptor MissingName { get; } = Rule(
        "DLT1012", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Name missing", "缺少名称",
        "The name needs a non-blank text for {0}.",
        "名称需要 {0} 的非空文本。");

    /// <summary>Gets the rule <c>DLT1013</c>: aspect ordinals do not run 1, 2, 3… in list order.</summary>
    public static RuleDescriptor AspectOrdinalOutOfSequence { get; } = Rule(
        "DLT1013", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Aspect ordinal out of sequence", "方面序号不连续",
        "The aspect's ordinal is {0}, expected {1}: ordinals run 1, 2, 3… in list order.",
        "方面序号为 {0}，应为 {1}：序号按列表顺序依次为 1、2、3……");

    /// <summary>Gets the rule <c>DLT1014</c>: an observation names both or neither of a region and a region group.</summary>
    public static RuleDescriptor ObservationTargetNotSingle { get; } = Rule(
        "DLT1014", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Observation needs exactly one region or region group", "观测须且只须指定一个地区或地区组",
        "An observation must name exactly one of \"region\" and \"regionGroup\".",
        "观测必须且只能指定 \"region\" 与 \"regionGroup\" 之一。");

    /// <summary>Gets the rule <c>DLT1015</c>: a region's level does not fit the level its code encodes.</summary>
    public static RuleDescriptor RegionLevelMismatch { get; } = Rule(
        "DLT1015", RuleCategory.Structure, DiagnosticSeverity.Error,
        "Region level disagrees with its code", "地区级别与代码不符",
        "Level '{0}' does not fit code {1}: provinces and municipalities have codes ending in 0000, cities codes ending in 00, districts, counties and county-level cities codes ending in neither.",
        "级别 '{0}' 与代码 {1} 不符：省和直辖市的代码以 0000 结尾，地级市以 00 结尾，区、县和县级市则都不是。");

    /// <summary>Gets the rule <c>DLT1016</c>: a required name is given in only one of Simplified Chinese and English.</summary>
    public static RuleDescriptor NameInOneLanguage { get; } = Rule(
        "DLT1016", RuleCategory.Structure, DiagnosticSeverity.Warning,
        "Name in one language only", "名称仅有一种语言",
        "The name has no text for {0}: add it from a source, or as a translation marked as such.",
        "名称缺少 {0} 文本：请依据来源补充，或补充译文并注明为译文。");

    /// <summary>Gets the rule <c>DLT2001</c>: a task names an aspect the plan does not have.</summary>
    public static RuleDescriptor UnknownAspect { get; } = Rule(
        "DLT2001", RuleCategory.Reference, DiagnosticSeverity.Error,
        "Unknown aspect", "未知方面",
        "Aspect '{0}' is not an aspect of the plan.",
        "方面 '{0}' 不是本计划的方面。");

    /// <summary>Gets the rule <c>DLT2002</c>: a task states an aspect other than the one it is listed under.</summary>
    public static RuleDescriptor TaskAspectMismatch { get; } = Rule(
        "DLT2002", RuleCategory.Reference, DiagnosticSeverity.Error,
        "Task's aspect disagrees with where it is listed", "任务所属方面与其所在位置不一致",
        "The task states aspect '{0}' but is listed at {1}.",
        "任务声明属于方面 '{0}'，却列在 {1} 下。");

    /// <summary>Gets the rule <c>DLT2003</c>: a region code is not in the region table.</summary>
    public static RuleDescriptor UnknownRegion { get; } = Rule(
        "DLT2003", RuleCategory.Reference, DiagnosticSeverity.Error,
        "Unknown region", "未知地区",
        "Region {0} is not in the region table.",
        "地区 {0} 不在地区表中。");

    /// <summary>Gets the rule <c>DLT2004</c>: a region group is not in the region table.</summary>
    public static RuleDescriptor UnknownRegionGroup { get; } = Rule(
        "DLT2004", RuleCategory.Reference, DiagnosticSeverity.Error,
        "Unknown region group", "未知地区组",
        "Region group '{0}' is not in the region table.",
        "地区组 '{0}' 不在地区表中。");

    /// <summary>Gets the rule <c>DLT2005</c>: an agency is not one of the plan's agencies.</summary>
    public static RuleDescriptor UnknownAgency { get; } = Rule(
        "DLT2005", RuleCategory.Reference, DiagnosticSeverity.Error,
        "Unknown agency", "未知机构",
        "Agency '{0}' is not one of the plan's agencies.",
        "机构 '{0}' 不在本计划的机构列表中。");

    /// <summary>Gets the rule <c>DLT2006</c>: an indicator is not one of the plan's indicators.</summary>
    public static RuleDescriptor UnknownIndicator { get; } = Rule(
        "DLT2006", RuleCategory.Reference, DiagnosticSeverity.Error,
        "Unknown indicator", "未知指标",
        "Indicator '{0}' is not one of the plan's indicators.",
        "指标 '{0}' 不在本计划的指标列表中。");

    /// <summary>Gets the rule <c>DLT2007</c>: a progress report is about a task the plan does not catalogue.</summary>
    public static RuleDescriptor UnknownTask { get; } = Rule(
        "DLT2007", RuleCategory.Reference, DiagnosticSeverity.Error,
        "Unknown task", "未知任务",
        "Task '{0}' is not a catalogued task of plan '{1}'.",
        "任务 '{0}' 不是计划 '{1}' 已编目的任务。");

    /// <summary>Gets the rule <c>DLT2008</c>: a document names a plan other than the one it is validated against.</summary>
    public static RuleDescriptor PlanMismatch { get; } = Rule(
        "DLT2008", RuleCategory.Reference, DiagnosticSeverity.Error,
        "Document is for another plan", "文档属于其他计划",
        "The document is for plan '{0}' but is validated against plan '{1}'.",
        "文档属于计划 '{0}'，却按计划 '{1}' 校验。");

    /// <summary>Gets the rule <c>DLT2009</c>: a region's parent is not the closest region of the table that contains it by code.</summary>
    public static RuleDescriptor RegionParentMismatch { get; } = Rule(
        "DLT2009", RuleCategory.Reference, DiagnosticSeverity.Error,
        "Region parent chain disagrees with its code", "地区上级链与代码不符",
        "Region {0} has parent {1}, but its code places it directly under {2}, the closest region in the table that contains it.",
        "地区 {0} 的上级为 {1}，但按其代码，它应直接隶属于 {2}，即表中包含它的最近一级地区。");

    /// <summary>Gets the rule <c>DLT2010</c>: a progress report speaks for a region outside the task's regions.</summary>
    public static RuleDescriptor ReportRegionOutsideTask { get; } = Rule(
        "DLT2010", RuleCategory.Reference, DiagnosticSeverity.Warning,
        "Report region outside the task's regions", "报告地区不在任务地区范围内",
        "The report speaks for region {0}, which neither is, lies within nor contains any region of task '{1}' ({2}).",
        "报告代表地区 {0}，该地区既不是任务 '{1}' 的地区（{2}），也不在其内或包含其中任何地区。");

    /// <summary>Gets the rule <c>DLT3001</c>: the plan ends before it starts.</summary>
    public static RuleDescriptor PlanPeriodInverted { get; } = Rule(
        "DLT3001", RuleCategory.Time, DiagnosticSeverity.Error,
        "Plan ends before it starts", "计划结束早于开始",
        "The plan ends on {0}, before it starts on {1}.",
        "计划结束日期 {0} 早于开始日期 {1}。");

    /// <summary>Gets the rule <c>DLT3002</c>: a task's time frame ends before it starts.</summary>
    public static RuleDescriptor TimeFrameInverted { get; } = Rule(
        "DLT3002", RuleCategory.Time, DiagnosticSeverity.Error,
        "Task time frame ends before it starts", "任务时间范围结束早于开始",
        "The task's time frame ends on {0}, before it starts on {1}.",
        "任务时间范围的结束日期 {0} 早于开始日期 {1}。");

    /// <summary>Gets the rule <c>DLT3003</c>: a task's time frame reaches outside the plan period.</summary>
    public static RuleDescriptor TimeFrameOutsidePlan { get; } = Rule(
        "DLT3003", RuleCategory.Time, DiagnosticSeverity.Error,
        "Task time frame outside the plan period", "任务时间范围超出计划期",
        "Date {0} is outside the plan period {1} to {2}.",
        "日期 {0} 超出计划期 {1} 至 {2}。");

    /// <summary>Gets the rule <c>DLT3004</c>: a task's milestones are not listed in date order.</summary>
    public static RuleDescriptor MilestonesOutOfOrder { get; } = Rule(
        "DLT3004", RuleCategory.Time, DiagnosticSeverity.Warning,
        "Milestones out of order", "里程碑顺序错误",
        "The milestone due {0} is listed after one due {1}: list milestones in date order.",
        "到期日为 {0} 的里程碑排在到期日为 {1} 的里程碑之后：请按日期顺序列出里程碑。");

    /// <summary>Gets the rule <c>DLT3005</c>: a milestone falls outside its task's time frame.</summary>
    public static RuleDescriptor MilestoneOutsideTimeFrame { get; } = Rule(
        "DLT3005", RuleCategory.Time, DiagnosticSeverity.Error,
        "Milestone outside the task's time frame", "里程碑超出任务时间范围",
        "The milestone due {0} falls outside {1} to {2}, the task's time frame (the plan period where the frame is open).",
        "到期日为 {0} 的里程碑超出 {1} 至 {2}，即任务的时间范围（范围未定的一端取计划期）。");

    /// <summary>Gets the rule <c>DLT3006</c>: a progress report is dated outside the plan period.</summary>
    public static RuleDescriptor ReportOutsidePlanPeriod { get; } = Rule(
        "DLT3006", RuleCategory.Time, DiagnosticSeverity.Error,
        "Report dated outside the plan period", "报告日期超出计划期",
        "{0} is outside the plan period {1} to {2}.",
        "{0} 超出计划期 {1} 至 {2}。");

    /// <summary>Gets the rule <c>DLT3007</c>: something that must already have happened is dated in the future.</summary>
    public static RuleDescriptor DateInFuture { get; } = Rule(
        "DLT3007", RuleCategory.Time, DiagnosticSeverity.Error,
        "Dated in the future", "日期在未来",
        "{0} is in the future (today is {1}).",
        "{0} 是未来日期（今天是 {1}）。");

    /// <summary>Gets the rule <c>DLT3008</c>: a task is reported completed after the date of the report.</summary>
    public static RuleDescriptor CompletedAfterReport { get; } = Rule(
        "DLT3008", RuleCategory.Time, DiagnosticSeverity.Error,
        "Completion dated after the report", "完成日期晚于报告日期",
        "The task is said to be completed on {0}, after the report date {1}.",
        "任务完成日期 {0} 晚于报告日期 {1}。");

    /// <summary>Gets the rule <c>DLT4001</c>: a completed task does not report 100%.</summary>
    public static RuleDescriptor CompletedNotFull { get; } = Rule(
        "DLT4001", RuleCategory.Status, DiagnosticSeverity.Error,
        "Completed task not at 100%", "已完成任务进度不是 100%",
        "A completed task reports {0}% done; completed means 100%.",
        "已完成任务报告的进度为 {0}%；已完成即为 100%。");

    /// <summary>Gets the rule <c>DLT4002</c>: a completed task has no completion date.</summary>
    public static RuleDescriptor CompletedWithoutDate { get; } = Rule(
        "DLT4002", RuleCategory.Status, DiagnosticSeverity.Error,
        "Completed task without a completion date", "已完成任务缺少完成日期",
        "A completed task needs its completion date (completedOn).",
        "已完成任务需要填写完成日期（completedOn）。");

    /// <summary>Gets the rule <c>DLT4003</c>: a task not started reports progress.</summary>
    public static RuleDescriptor NotStartedWithProgress { get; } = Rule(
        "DLT4003", RuleCategory.Status, DiagnosticSeverity.Error,
        "Task not started but with progress", "未启动任务却有进度",
        "A task not started reports {0}% done; not started means 0%.",
        "未启动任务报告的进度为 {0}%；未启动即为 0%。");

    /// <summary>Gets the rule <c>DLT4004</c>: a task's progress goes backwards from one report to the next.</summary>
    public static RuleDescriptor ProgressWentBackwards { get; } = Rule(
        "DLT4004", RuleCategory.Status, DiagnosticSeverity.Warning,
        "Progress went backwards", "进度倒退",
        "Progress went backwards: {0} on {1}, then {2} on {3}.",
        "进度倒退：{1} 为 {0}，{3} 却为 {2}。");

    /// <summary>Gets the rule <c>DLT4005</c>: a percentage complete is not a number from 0 to 100.</summary>
    public static RuleDescriptor PercentOutOfRange { get; } = Rule(
        "DLT4005", RuleCategory.Status, DiagnosticSeverity.Error,
        "Percent complete out of range", "完成百分比超出范围",
        "Percent complete {0} is not a number from 0 to 100.",
        "完成百分比 {0} 不是 0 到 100 之间的数。");

    /// <summary>Gets the rule <c>DLT4006</c>: a completion date on a task that is not completed.</summary>
    public static RuleDescriptor CompletionDateWithoutCompletion { get; } = Rule(
        "DLT4006", RuleCategory.Status, DiagnosticSeverity.Warning,
        "Completion date on a task not completed", "未完成任务带有完成日期",
        "A completion date is given but the status is '{0}', not 'completed'.",
        "填写了完成日期，但状态为 '{0}' 而非 'completed'。");

    /// <summary>Gets the rule <c>DLT5001</c>: a partial catalogue lists fewer items than declared (expected, reported for the record).</summary>
    public static RuleDescriptor CountGapInPartialCatalogue { get; } = Rule(
        "DLT5001", RuleCategory.Count, DiagnosticSeverity.Info,
        "Partial catalogue: fewer catalogued than declared", "部分目录：已编目数少于声明数",
        "{0} declared, {1} catalogued: the catalogue is declared partial, so a gap of {2} is expected.",
        "声明 {0} 项，已编目 {1} 项：目录声明为部分目录，相差 {2} 项属预期。");

    /// <summary>Gets the rule <c>DLT5002</c>: a catalogue that claims to be complete lists fewer items than declared.</summary>
    public static RuleDescriptor CountMismatch { get; } = Rule(
        "DLT5002", RuleCategory.Count, DiagnosticSeverity.Error,
        "Complete catalogue disagrees with the declared count", "完整目录与声明数不符",
        "{0} declared but {1} catalogued, and the catalogue claims to be complete.",
        "声明 {0} 项，已编目 {1} 项，而目录声明为完整。");

    /// <summary>Gets the rule <c>DLT5003</c>: more items catalogued than declared.</summary>
    public static RuleDescriptor CatalogueExceedsDeclared { get; } = Rule(
        "DLT5003", RuleCategory.Count, DiagnosticSeverity.Error,
        "More catalogued than declared", "已编目数多于声明数",
        "{1} catalogued, more than the {0} declared.",
        "已编目 {1} 项，多于声明的 {0} 项。");

    /// <summary>Gets the rule <c>DLT5004</c>: the aspects' declared task counts do not fit the plan's.</summary>
    public static RuleDescriptor AspectCountsDisagree { get; } = Rule(
        "DLT5004", RuleCategory.Count, DiagnosticSeverity.Error,
        "Aspect counts disagree with the plan's count", "各方面任务数与计划任务数不符",
        "The aspects' declared task counts add up to {0}, which does not fit the plan's declared {1}.",
        "各方面声明的任务数合计 {0}，与计划声明的 {1} 不符。");

    /// <summary>Gets the rule <c>DLT6001</c>: an indicator has no unit.</summary>
    public static RuleDescriptor MissingUnit { get; } = Rule(
        "DLT6001", RuleCategory.Indicator, DiagnosticSeverity.Error,
        "Indicator without a unit", "指标缺少单位",
        "The indicator has no unit.",
        "指标没有单位。");

    /// <summary>Gets the rule <c>DLT6002</c>: a target moves against the indicator's direction from the baseline or the previous target.</summary>
    public static RuleDescriptor TargetAgainstDirection { get; } = Rule(
        "DLT6002", RuleCategory.Indicator, DiagnosticSeverity.Error,
        "Target against the indicator's direction", "目标与指标方向相反",
        "Target {0} for {1} moves the wrong way for a '{2}' indicator: the reference before it is {3} for {4}.",
        "{1} 的目标值 {0} 与 '{2}' 指标的方向相反：此前的参照值为 {4} 的 {3}。");

    /// <summary>Gets the rule <c>DLT6003</c>: a band target without a valid upper bound, or an upper bound on a target that is not a band.</summary>
    public static RuleDescriptor TargetBandMalformed { get; } = Rule(
        "DLT6003", RuleCategory.Indicator, DiagnosticSeverity.Error,
        "Target band malformed", "目标区间格式错误",
        "For a 'targetBand' indicator every target needs an upperValue not below its value; other directions take no upperValue.",
        "'targetBand' 指标的每个目标都需要不小于其 value 的 upperValue；其他方向的指标不应有 upperValue。");

    /// <summary>Gets the rule <c>DLT6004</c>: the baseline is not dated before a target.</summary>
    public static RuleDescriptor BaselineNotBeforeTarget { get; } = Rule(
        "DLT6004", RuleCategory.Indicator, DiagnosticSeverity.Error,
        "Baseline not before the targets", "基线不早于目标",
        "The baseline for {0} is not before the target for {1}.",
        "{0} 的基线不早于 {1} 的目标。");

    /// <summary>Gets the rule <c>DLT6005</c>: two observations of one indicator for one region and period.</summary>
    public static RuleDescriptor DuplicateObservation { get; } = Rule(
        "DLT6005", RuleCategory.Indicator, DiagnosticSeverity.Error,
        "Duplicate observation", "重复观测",
        "Indicator '{0}' already has an observation for {1} in {2}, at {3}.",
        "指标 '{0}' 在 {1} 的 {2} 期已有观测，见 {3}。");

    /// <summary>Gets the rule <c>DLT6006</c>: a value is NaN or infinite.</summary>
    public static RuleDescriptor NonFiniteValue { get; } = Rule(
        "DLT6006", RuleCategory.Indicator, DiagnosticSeverity.Error,
        "Value not a finite number", "数值不是有限数",
        "The value {0} is not a finite number.",
        "数值 {0} 不是有限数。");

    /// <summary>Gets the rule <c>DLT6007</c>: a value is outside the domain of its unit (a percentage outside 0–100).</summary>
    public static RuleDescriptor ValueOutsideUnitDomain { get; } = Rule(
        "DLT6007", RuleCategory.Indicator, DiagnosticSeverity.Error,
        "Value outside the unit's domain", "数值超出单位的取值范围",
        "The value {0} is outside the domain of unit '{1}', which is {2}.",
        "数值 {0} 超出单位 '{1}' 的取值范围 {2}。");

    /// <summary>Gets the rule <c>DLT6008</c>: values in a unit that cannot be added are aggregated by summing.</summary>
    public static RuleDescriptor NonAdditiveUnitSummed { get; } = Rule(
        "DLT6008", RuleCategory.Indicator, DiagnosticSeverity.Warning,
        "Non-additive unit aggregated by sum", "不可相加的单位按求和汇总",
        "Values in '{0}' cannot be added across regions, yet the aggregation is 'sum'; use 'mean', 'minimum', 'maximum' or 'notAggregable'.",
        "以 '{0}' 为单位的数值不能跨地区相加，但汇总方式为 'sum'；请改用 'mean'、'minimum'、'maximum' 或 'notAggregable'。");

    /// <summary>Gets the rule <c>DLT6009</c>: observations of a summed indicator mix a region with a region that contains it.</summary>
    public static RuleDescriptor OverlappingSummedObservations { get; } = Rule(
        "DLT6009", RuleCategory.Indicator, DiagnosticSeverity.Warning,
        "Summed observations mix nested regions", "求和指标的观测混用了包含关系的地区",
        "Indicator '{0}' is summed across regions, and {2} has values both for region {1} and for {3}, which contains it: a sum would count {1} twice.",
        "指标 '{0}' 按地区求和，而 {2} 期既有地区 {1} 的数值，又有包含它的 {3} 的数值：求和会重复计算 {1}。");

    /// <summary>Gets the rule <c>DLT6010</c>: a target is stated in a unit that does not convert to the indicator's.</summary>
    public static RuleDescriptor TargetUnitIncompatible { get; } = Rule(
        "DLT6010", RuleCategory.Indicator, DiagnosticSeverity.Error,
        "Target unit does not convert to the indicator's", "目标单位无法换算为指标单位",
        "The target is stated in '{0}', which does not convert to the indicator's unit '{1}': the unit is unknown or measures another dimension.",
        "目标以 '{0}' 表述，无法换算为指标单位 '{1}'：该单位未知或量纲不同。");

    /// <summary>Gets the rule <c>DLT6011</c>: for a summed indicator, the values of the regions within a region add up to more than its own value.</summary>
    public static RuleDescriptor ChildValuesExceedParent { get; } = Rule(
        "DLT6011", RuleCategory.Indicator, DiagnosticSeverity.Warning,
        "Parts add up to more than their whole", "下级地区数值之和超过上级地区",
        "Indicator '{0}' is summed across regions, yet in {2} the {4} regions within {1} add up to {3}, more than {1}'s own value {5}.",
        "指标 '{0}' 按地区求和，但 {2} 期 {1} 下辖的 {4} 个地区数值合计 {3}，超过 {1} 自身的数值 {5}。");

    /// <summary>Gets the rule <c>DLT7001</c>: a fact from the outside world names no source.</summary>
    public static RuleDescriptor MissingSource { get; } = Rule(
        "DLT7001", RuleCategory.Provenance, DiagnosticSeverity.Warning,
        "External fact without a source", "外部事实未注明来源",
        "This fact names no source.",
        "该事实未注明来源。");

    /// <summary>Gets the rule <c>DLT7002</c>: a source has neither an address nor a publisher.</summary>
    public static RuleDescriptor UntraceableSource { get; } = Rule(
        "DLT7002", RuleCategory.Provenance, DiagnosticSeverity.Info,
        "Source cannot be traced", "来源无法追溯",
        "Source '{0}' has neither a URL nor a publisher, so a reader cannot trace it.",
        "来源 '{0}' 既无网址也无发布者，读者无法追溯。");

    /// <summary>Gets the rule <c>DLT7003</c>: a source is graded low confidence.</summary>
    public static RuleDescriptor LowConfidenceSource { get; } = Rule(
        "DLT7003", RuleCategory.Provenance, DiagnosticSeverity.Info,
        "Low-confidence source", "低可信度来源",
        "Source '{0}' is graded low confidence; its note should say what is in doubt.",
        "来源 '{0}' 的可信度为低；其备注应说明存疑之处。");

    /// <summary>Gets every built-in rule, ordered by code.</summary>
    public static ImmutableArray<RuleDescriptor> All { get; } =
    [
        JsonSyntax, InvalidDocument, UnknownDocumentKind, UnrecognizedSchema, UnsupportedFormatVersion, MalformedIdentifier, NullElement,
        MissingIdentifier, DuplicateIdentifier, MissingName, AspectOrdinalOutOfSequence, ObservationTargetNotSingle, RegionLevelMismatch, NameInOneLanguage,
        UnknownAspect, TaskAspectMismatch, UnknownRegion, UnknownRegionGroup, UnknownAgency, UnknownIndicator, UnknownTask, PlanMismatch,
        RegionParentMismatch, ReportRegionOutsideTask,
        PlanPeriodInverted, TimeFrameInverted, TimeFrameOutsidePlan, MilestonesOutOfOrder, MilestoneOutsideTimeFrame, ReportOutsidePlanPeriod,
        DateInFuture, CompletedAfterReport,
        CompletedNotFull, CompletedWithoutDate, NotStartedWithProgress, ProgressWentBackwards, PercentOutOfRange, CompletionDateWithoutCompletion,
        CountGapInPartialCatalogue, CountMismatch, CatalogueExceedsDeclared, AspectCountsDisagree,
        MissingUnit, TargetAgainstDirection, TargetBandMalformed, BaselineNotBeforeTarget, DuplicateObservation, NonFiniteValue,
        ValueOutsideUnitDomain, NonAdditiveUnitSummed, OverlappingSummedObservations, TargetUnitIncompatible, ChildValuesExceedParent,
        MissingSource, UntraceableSource, LowConfidenceSource,
    ];

    private static readonly FrozenDictionary<string, RuleDescriptor> ByCode = All.ToFrozenDictionary(static r => r.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a built-in rule by its code.</summary>
    /// <param name="code">The code, for example <c>DLT3002</c> (case-insensitive).</param>
    /// <returns>The rule, or <see langword="null"/> when no built-in rule has that code.</returns>
    public static RuleDescriptor? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.GetValueOrDefault(code);
    }

    private static RuleDescriptor Rule(string code, RuleCategory category, DiagnosticSeverity severity, string titleEn, string titleZh, string messageEn, string messageZh)
        => new(code, category, severity, LocalizedText.Create(titleZh, titleEn), LocalizedText.Create(messageZh, messageEn), new Uri(HelpLinkBase + code + ".md"));
}

namespace MmapNet.Conformance.Running;

/// <summary>How outcomes are named in reports and on the console.</summary>
public static class OutcomeText
{
    /// <summary>Every outcome, in the order reports show them.</summary>
    public static readonly CaseOutcome[] All =
    {
        CaseOutcome.Passed, CaseOutcome.Differing, CaseOutcome.Crashed, CaseOutcome.TimedOut, CaseOutcome.Error,
    };

    /// <summary>The outcome as people read it: <c>passed</c>, <c>differing</c>, <c>crashed</c>, <c>timed out</c>, <c>error</c>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>Its name.</returns>
    public static string Name(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Passed => "passed",
        CaseOutcome.Differing => "differing",
        CaseOutcome.Crashed => "crashed",
        CaseOutcome.TimedOut => "timed out",
        _ => "error",
    };

    /// <summary>The colour reports use for the outcome (CSS hex).</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The colour.</returns>
    public static string Colour(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Passed => "#2e9e44",
        CaseOutcome.Differing => "#e08a00",
        CaseOutcome.Crashed => "#c62828",
        CaseOutcome.TimedOut => "#7b3fa0",
        _ => "#757575",
    };
}

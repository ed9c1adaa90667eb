using System;
using System.Collections.Generic;
using System.Linq;

namespace MmapNet.Conformance.Cases;

/// <summary>
/// Selects cases with <c>-k</c> expressions, a small subset of pytest's: each expression is one or more alternatives joined
/// by <c>or</c>; an alternative is one or more terms joined by <c>and</c>; a term is a substring of the case id
/// (<c>area/name</c>, case-insensitive), optionally preceded by <c>not</c>. No parentheses. A case is selected when it
/// matches every expression given (several <c>-k</c> narrow the selection).
/// </summary>
public sealed class CaseSelector
{
    private readonly List<List<List<Term>>> _expressions;

    private CaseSelector(List<List<List<Term>>> expressions) => _expressions = expressions;

    /// <summary>A selector that selects every case.</summary>
    public static CaseSelector All { get; } = new(new List<List<List<Term>>>());

    /// <summary>Parses <c>-k</c> expressions.</summary>
    /// <param name="expressions">The expressions; none selects everything.</param>
    /// <returns>The selector.</returns>
    /// <exception cref="FormatException">An expression is empty or has a dangling <c>and</c>, <c>or</c> or <c>not</c>.</exception>
    public static CaseSelector Parse(IEnumerable<string> expressions)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        return new CaseSelector(expressions.Select(ParseExpression).ToList());
    }

    /// <summary>Whether <paramref name="conformanceCase"/> is selected.</summary>
    /// <param name="conformanceCase">A case.</param>
    /// <returns><see langword="true"/> when it matches every expression.</returns>
    public bool Matches(ConformanceCase conformanceCase)
    {
        ArgumentNullException.ThrowIfNull(conformanceCase);
        string id = conformanceCase.Id;
        return _expressions.All(alternatives => alternatives.Any(terms => terms.All(term => term.Matches(id))));
    }

    /// <summary>The cases of <paramref name="cases"/> that are selected, in their order.</summary>
    /// <param name="cases">Cases.</param>
    /// <returns>The selected ones.</returns>
    public IReadOnlyList<ConformanceCase> Select(IEnumerable<ConformanceCase> cases) => cases.Where(Matches).ToList();

    private static List<List<Term>> ParseExpression(string expression)
    {
        string[] tokens = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tokens.Length == 0)
        {
            throw new FormatException("Empty -k expression.");
        }

        List<List<Term>> alternatives = new() { new() };
        bool negate = false;
        bool expectTerm = true;
        foreach (string token in tokens)
        {
            string word = token.ToLowerInvariant();
            if (expectTerm && word == "not")
            {
                negate = !negate;
            }
            else if (!expectTerm && word == "and")
            {
                expectTerm = true;
            }
            else if (!expectTerm && word == "or")
            {
                alternatives.Add(new List<Term>());
                expectTerm = true;
            }
            else if (expectTerm)
            {
                alternatives[^1].Add(new Term(token, negate));
                negate = false;
                expectTerm = false;
            }
            else
            {
                throw new FormatException($"In -k '{expression}': expected 'and' or 'or' before '{token}'.");
            }
        }

        if (expectTerm)
        {
            throw new FormatException($"In -k '{expression}': the expression ends with an operator.");
        }

        return alternatives;
    }

    private sealed record Term(string Substring, bool Negated)
    {
        public bool Matches(string id) => id.Contains(Substring, StringComparison.OrdinalIgnoreCase) != Negated;
    }
}

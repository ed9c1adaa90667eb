using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MmapNet.CPython.Generators;

/// <summary>
/// Generates a Python type's native face from its declaration: for each [Slot], [Method] and [Getter] row on a
/// [PythonType] partial class, an [UnmanagedCallersOnly] entry point with the C signature CPython calls, which runs the
/// row's implementation inside a try region (no .NET exception may cross into native code) and turns what escapes into
/// a Python exception; and the slot, method and getset tables, in declaration order, the version-gated rows included
/// only where the running interpreter has them.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PythonTypeGenerator : IIncrementalGenerator
{
    private const string Declaration = "MmapNet.CPython.Declaration.";

    private static readonly DiagnosticDescriptor s_missingImplementation = new(
        "MMAPGEN001", "Implementation not found", "{0}: no static method '{1}' in {2}", "MmapNet.CPython", DiagnosticSeverity.Error, true);

    private static readonly DiagnosticDescriptor s_wrongSignature = new(
        "MMAPGEN002", "Implementation signature", "{0}: '{1}' must be {2}", "MmapNet.CPython", DiagnosticSeverity.Error, true);

    private static readonly DiagnosticDescriptor s_mustNotInline = new(
        "MMAPGEN003", "Implementation inlined into a try region",
        "{0}: '{1}' returns the C result itself and makes C-API calls, so it must be [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]: the JIT inlines P/Invoke transitions only outside try regions, and the entry point calls it inside one; and ReadyToRun code, which does not inline across the framework, is left to the JIT",
        "MmapNet.CPython", DiagnosticSeverity.Error, true);

    private static readonly DiagnosticDescriptor s_compiledAhead = new(
        "MMAPGEN004", "Implementation compiled ahead",
        "{0} is declared Compiled = Compilation.Ahead, so '{1}' must not be marked AggressiveOptimization: ReadyToRun leaves such a method to the JIT, which is what Ahead is declared not to need{2}",
        "MmapNet.CPython", DiagnosticSeverity.Error, true);

    private static readonly DiagnosticDescriptor s_sharedEntryDisagrees = new(
        "MMAPGEN005", "Rows sharing an entry point disagree",
        "{0} and {1} share the entry point of '{2}', so they must both be declared Compiled = Compilation.Ahead or neither: the entry point is compiled one way",
        "MmapNet.CPython", DiagnosticSeverity.Error, true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<INamedTypeSymbol> types = context.SyntaxProvider.ForAttributeWithMetadataName(
            Declaration + "PythonTypeAttribute",
            static (node, _) => node is ClassDeclarationSyntax,
            static (attributeContext, _) => (INamedTypeSymbol)attributeContext.TargetSymbol);
        context.RegisterSourceOutput(types, static (output, type) => Generate(output, type));
    }

    private static void Generate(SourceProductionContext output, INamedTypeSymbol type)
    {
        List<Row> rows = new();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            Row? row = Row.From(attribute);
            if (row is null)
            {
                continue;
            }

            Location location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Location.None;
            IMethodSymbol? implementation = type.GetMembers(row.Implementation).OfType<IMethodSymbol>().FirstOrDefault(m => m.IsStatic);
            if (implementation is null)
            {
                output.ReportDiagnostic(Diagnostic.Create(s_missingImplementation, location, row.Describe(), row.Implementation, type.Name));
                continue;
            }

            string[] expected = row.ImplementationParameters();
            string expectedReturn = row.Returns == "Native" ? row.Signature.Return : "MmapStatus";
            string[] actual = implementation.Parameters.Select(p => (p.RefKind == RefKind.Out ? "out " : "") + Spell(p.Type)).ToArray();
            if (Spell(implementation.ReturnType) != expectedReturn || !actual.SequenceEqual(expected))
            {
                output.ReportDiagnostic(Diagnostic.Create(
                    s_wrongSignature, location, row.Describe(), row.Implementation, $"{expectedReturn} ({string.Join(", ", expected)})"));
                continue;
            }

            // NoInlining | AggressiveOptimization (512, which netstandard2.0's MethodImplAttributes does not name).
            const MethodImplAttributes AggressiveOptimization = (MethodImplAttributes)512;
            const MethodImplAttributes OutOfLineAndJitted = MethodImplAttributes.NoInlining | AggressiveOptimization;
            // The other rows' implementations are inlined into their entry points, which ReadyToRun compiles with them
            // unless the implementation is marked AggressiveOptimization; only a row compiled ahead is constrained.
            MethodImplAttributes marking = implementation.MethodImplementationFlags & OutOfLineAndJitted;
            bool wronglyMarked = row.Returns == "Native"
                ? marking != (row.CompiledAhead ? MethodImplAttributes.NoInlining : OutOfLineAndJitted)
                : row.CompiledAhead && (marking & AggressiveOptimization) != 0;
            if (wronglyMarked)
            {
                string nativeRule = row.Returns == "Native"
                    ? "; and it returns the C result itself, so it must be [MethodImpl(MethodImplOptions.NoInlining)]: the JIT inlines P/Invoke transitions only outside try regions, and the entry point calls it inside one"
                    : string.Empty;
                output.ReportDiagnostic(Diagnostic.Create(
                    row.CompiledAhead ? s_compiledAhead : s_mustNotInline, location, row.Describe(), row.Implementation, nativeRule));
                continue;
            }

            Row? sharing = rows.FirstOrDefault(r => r.EntryName == row.EntryName);
            if (sharing is not null && sharing.CompiledAhead != row.CompiledAhead)
            {
                output.ReportDiagnostic(Diagnostic.Create(s_sharedEntryDisagrees, location, sharing.Describe(), row.Describe(), row.Implementation));
                continue;
            }

            rows.Add(row);
        }

        output.AddSource(type.Name + ".Declared.g.cs", Emit(type, rows));
    }

    /// <summary>Types in the spelling the native signatures use.</summary>
    private static string Spell(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_IntPtr } => "nint",
        { SpecialType: SpecialType.System_Int32 } => "int",
        { SpecialType: SpecialType.System_Byte } => "byte",
        { SpecialType: SpecialType.System_Boolean } => "bool",
        { SpecialType: SpecialType.System_Void } => "void",
        IPointerTypeSymbol pointer => Spell(pointer.PointedAtType) + "*",
        IFunctionPointerTypeSymbol => "visitproc",
        _ => type.Name,
    };

    private static string Emit(INamedTypeSymbol type, List<Row> rows)
    {
        StringBuilder code = new();
        code.AppendLine("// <auto-generated/> by MmapNet.CPython.Generators from the [Slot], [Method] and [Getter] rows of " + type.Name + ".");
        code.AppendLine("#nullable enable");
        code.AppendLine("using System;");
        code.AppendLine("using System.Runtime.CompilerServices;");
        code.AppendLine("using System.Runtime.InteropServices;");
        code.AppendLine("using MmapNet.CPython.Abi;");
        code.AppendLine("using MmapNet.CPython.Native;");
        code.AppendLine();
        code.AppendLine("namespace " + type.ContainingNamespace.ToDisplayString() + ";");
        code.AppendLine();
        code.AppendLine("internal static unsafe partial class " + type.Name);
        code.AppendLine("{");

        HashSet<string> emitted = new();
        foreach (Row row in rows)
        {
            if (emitted.Add(row.EntryName))
            {
                EmitEntry(code, row);
            }
        }

        code.AppendLine("    /// <summary>The declared slots, (slot id, entry point), in declaration order.</summary>");
        code.AppendLine("    private static (int Slot, nint Function)[] DeclaredSlots() =>");
        code.AppendLine("    [");
        foreach (Row row in rows.Where(r => r.Kind == RowKind.Slot))
        {
            code.AppendLine($"        (TypeSlotIds.{row.Slot}, (nint)({row.Signature.PointerType})&{row.EntryName}),");
        }

        code.AppendLine("    ];");
        code.AppendLine();
        // Tables are filled in place, not through a List<T>: the framework's generic code over these structs cannot be
        // precompiled into MmapNet's ReadyToRun image, so every List method used would be compiled at import.
        List<Row> methods = rows.Where(r => r.Kind == RowKind.Method).ToList();
        code.AppendLine("    /// <summary>The declared methods the running interpreter's type has, in declaration order: a NULL-terminated PyMethodDef table.</summary>");
        code.AppendLine("    private static PyMethodDef* DeclaredMethods(InterpreterProfile profile)");
        code.AppendLine("    {");
        code.AppendLine($"        PyMethodDef* methods = NativeTables.Allocate<PyMethodDef>({methods.Count + 1});");
        code.AppendLine("        int count = 0;");
        foreach (Row row in methods)
        {
            string add = $"methods[count++] = new PyMethodDef {{ Name = NativeTables.Utf8(\"{row.Name}\"), Method = (void*)({row.Signature.PointerType})&{row.EntryName}, Flags = AbiFlags.Method{row.Convention} }};";
            if (row.Since.Length > 0)
            {
                string[] parts = row.Since.Split('.');
                code.AppendLine($"        if (profile.Version >= new Version({parts[0]}, {parts[1]}))");
                code.AppendLine("        {");
                code.AppendLine("            " + add);
                code.AppendLine("        }");
            }
            else
            {
                code.AppendLine("        " + add);
            }
        }

        code.AppendLine("        return methods; // the zeroed entries after the last one end the table");
        code.AppendLine("    }");
        code.AppendLine();
        List<Row> getters = rows.Where(r => r.Kind == RowKind.Getter).ToList();
        code.AppendLine("    /// <summary>The declared getters, in declaration order: a NULL-terminated PyGetSetDef table.</summary>");
        code.AppendLine("    private static PyGetSetDef* DeclaredGetters()");
        code.AppendLine("    {");
        code.AppendLine($"        PyGetSetDef* getters = NativeTables.Allocate<PyGetSetDef>({getters.Count + 1});");
        for (int i = 0; i < getters.Count; i++)
        {
            code.AppendLine($"        getters[{i}] = new PyGetSetDef {{ Name = NativeTables.Utf8(\"{getters[i].Name}\"), Get = (void*)({getters[i].Signature.PointerType})&{getters[i].EntryName} }};");
        }

        code.AppendLine("        return getters;");
        code.AppendLine("    }");
        code.AppendLine("}");
        return code.ToString();
    }

    private static void EmitEntry(StringBuilder code, Row row)
    {
        Signature signature = row.Signature;
        string parameters = string.Join(", ", signature.Parameters.Select(p => $"{p.Type} {p.Name}"));
        string arguments = string.Join(", ", signature.Parameters.Take(signature.Parameters.Length - signature.UnusedTrailing).Select(p => p.Name));
        code.AppendLine($"    /// <summary>The entry point of {row.Describe()}: runs <see cref=\"{row.Implementation}\"/> where no .NET exception can escape.</summary>");
        code.AppendLine("    [UnmanagedCallersOnly]");
        if (!row.CompiledAhead)
        {
            code.AppendLine("    [MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        }

        code.AppendLine($"    private static {signature.Return} {row.EntryName}({parameters})");
        code.AppendLine("    {");
        string onException = signature.Failure switch
        {
            Failure.Null => "return PythonErrors.RaiseUnexpected(exception);",
            Failure.MinusOne => "return PythonErrors.RaiseUnexpectedInt(exception);",
            _ => $"Environment.FailFast(\"MmapNet: {row.Describe()} failed, which it cannot report\", exception);",
        };
        if (row.Returns == "Native")
        {
            code.AppendLine("        try");
            code.AppendLine("        {");
            code.AppendLine(signature.Return == "void" ? $"            {row.Implementation}({arguments});" : $"            return {row.Implementation}({arguments});");
            code.AppendLine("        }");
            code.AppendLine("        catch (Exception exception)");
            code.AppendLine("        {");
            code.AppendLine("            " + onException);
            code.AppendLine("        }");
        }
        else
        {
            code.AppendLine("        MmapStatus status;");
            code.AppendLine($"        {row.ValueType} value;");
            code.AppendLine("        try");
            code.AppendLine("        {");
            code.AppendLine($"            status = {row.Implementation}({arguments}{(arguments.Length > 0 ? ", " : "")}out value);");
            code.AppendLine("        }");
            code.AppendLine("        catch (Exception exception)");
            code.AppendLine("        {");
            code.AppendLine("            " + onException);
            code.AppendLine("        }");
            code.AppendLine();
            code.AppendLine("        // The result is made here, after the try region, where its one C-API call is inlined; its entry is read from\n        // the instance (RunningInterpreter says why).");
            code.AppendLine(row.Returns switch
            {
                "Int" => "        return status.IsOk ? RunningInterpreter.Of(self)->FastPyLong_FromSsize_t(value) : PythonErrors.Raise(status);",
                "SingleByte" => "        return status.IsOk ? RunningInterpreter.Of(self)->FastPyBytes_FromStringAndSize(&value, 1) : PythonErrors.Raise(status);",
                "Bool" => "        return status.IsOk ? RunningInterpreter.Of(self)->FastPyBool_FromLong(value ? 1 : 0) : PythonErrors.Raise(status);",
                _ => "        return status.IsOk ? value : PythonErrors.RaiseInt(status);",
            });
        }

        code.AppendLine("    }");
        code.AppendLine();
    }

    private enum RowKind
    {
        Slot,
        Method,
        Getter,
    }

    private enum Failure
    {
        Null,
        MinusOne,
        Fatal,
    }

    private sealed record Parameter(string Type, string Name);

    /// <summary>A C signature CPython calls: parameters (the last UnusedTrailing ones not passed on), return, failure value.</summary>
    private sealed record Signature(Parameter[] Parameters, string Return, Failure Failure, int UnusedTrailing = 0)
    {
        public string PointerType => "delegate* unmanaged<" + string.Join(", ", Parameters.Select(p => p.Type).Concat(new[] { Return })) + ">";
    }

    private sealed class Row
    {
        private static readonly Parameter s_self = new("nint", "self");
        private static readonly Dictionary<string, Signature> s_slotSignatures = new()
        {
            ["New"] = new([new("nint", "type"), new("nint", "arguments"), new("nint", "keywords")], "nint", Failure.Null),
            ["Dealloc"] = new([s_self], "void", Failure.Fatal),
            ["Traverse"] = new([s_self, new("delegate* unmanaged<nint, void*, int>", "visit"), new("void*", "argument")], "int", Failure.MinusOne),
            ["Repr"] = new([s_self], "nint", Failure.Null),
            ["MappingLength"] = new([s_self], "nint", Failure.MinusOne),
            ["MappingSubscript"] = new([s_self, new("nint", "key")], "nint", Failure.Null),
            ["MappingAssignSubscript"] = new([s_self, new("nint", "key"), new("nint", "value")], "int", Failure.MinusOne),
            ["SequenceLength"] = new([s_self], "nint", Failure.MinusOne),
            ["SequenceItem"] = new([s_self, new("nint", "index")], "nint", Failure.Null),
            ["SequenceAssignItem"] = new([s_self, new("nint", "index"), new("nint", "value")], "int", Failure.MinusOne),
            ["GetBuffer"] = new([s_self, new("PyBuffer*", "view"), new("int", "flags")], "int", Failure.MinusOne),
            ["ReleaseBuffer"] = new([s_self, new("PyBuffer*", "view")], "void", Failure.Fatal),
        };

        public RowKind Kind { get; private set; }

        public string Slot { get; private set; } = "";

        public string Name { get; private set; } = "";

        public string Convention { get; private set; } = "";

        public string Implementation { get; private set; } = "";

        public string Returns { get; private set; } = "Native";

        public string Since { get; private set; } = "";

        /// <summary>Declared <c>Compiled = Compilation.Ahead</c>: the entry point is left to ReadyToRun, with its implementation.</summary>
        public bool CompiledAhead { get; private set; }

        public Signature Signature { get; private set; } = null!;

        public string EntryName => Implementation + "Entry";

        public string ValueType => Returns switch
        {
            "SingleByte" => "byte",
            "Bool" => "bool",
            _ => "nint",
        };

        public static Row? From(AttributeData attribute)
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            ImmutableArray<TypedConstant> arguments = attribute.ConstructorArguments;
            Row row = new();
            switch (name)
            {
                case Declaration + "SlotAttribute":
                    row.Kind = RowKind.Slot;
                    row.Slot = EnumName(arguments[0]);
                    row.Implementation = (string)arguments[1].Value!;
                    row.Signature = s_slotSignatures[row.Slot];
                    break;
                case Declaration + "MethodAttribute":
                    row.Kind = RowKind.Method;
                    row.Name = (string)arguments[0].Value!;
                    row.Convention = EnumName(arguments[1]);
                    row.Implementation = (string)arguments[2].Value!;
                    row.Signature = new([s_self, new("nint", row.Convention == "NoArgs" ? "unused" : "arguments")], "nint", Failure.Null, row.Convention == "NoArgs" ? 1 : 0);
                    break;
                case Declaration + "GetterAttribute":
                    row.Kind = RowKind.Getter;
                    row.Name = (string)arguments[0].Value!;
                    row.Implementation = (string)arguments[1].Value!;
                    row.Signature = new([s_self, new("void*", "closure")], "nint", Failure.Null, 1);
                    break;
                default:
                    return null;
            }

            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Key == "Returns")
                {
                    row.Returns = EnumName(named.Value);
                }
                else if (named.Key == "Since")
                {
                    row.Since = (string)named.Value.Value!;
                }
                else if (named.Key == "Compiled")
                {
                    row.CompiledAhead = EnumName(named.Value) == "Ahead";
                }
            }

            return row;
        }

        /// <summary>The parameters the implementation takes: the C ones it uses, then the out value of a status result.</summary>
        public string[] ImplementationParameters()
        {
            IEnumerable<string> used = Signature.Parameters.Take(Signature.Parameters.Length - Signature.UnusedTrailing)
                .Select(p => p.Type.StartsWith("delegate*") ? "visitproc" : p.Type);
            return Returns == "Native" ? used.ToArray() : used.Concat(new[] { "out " + ValueType }).ToArray();
        }

        public string Describe() => Kind switch
        {
            RowKind.Slot => "slot " + Slot,
            RowKind.Method => "method " + Name,
            _ => "getter " + Name,
        };

        private static string EnumName(TypedConstant constant)
        {
            INamedTypeSymbol enumType = (INamedTypeSymbol)constant.Type!;
            return enumType.GetMembers().OfType<IFieldSymbol>().First(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value)).Name;
        }
    }
}

using System.Reflection.Metadata;

namespace NanoFramework.MetadataCheck;

/// <summary>Readable names for types and members, as a C# reader would write them (Outer.Inner, Bag&lt;T&gt;).</summary>
internal static class MetadataNames
{
    private const char GenericArityMarker = '`';

    /// <summary>The full name of a type defined in the assembly, with its generic parameters if any.</summary>
    public static string OfType(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        string name = WithoutArity(reader.GetString(type.Name));
        GenericParameterHandleCollection parameters = type.GetGenericParameters();
        if (parameters.Count > 0)
        {
            name += "<" + string.Join(", ", parameters.Select(p => reader.GetString(reader.GetGenericParameter(p).Name))) + ">";
        }

        TypeDefinitionHandle declaringType = type.GetDeclaringType();
        if (!declaringType.IsNil)
        {
            return OfType(reader, declaringType) + "." + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>The full name of a type from another assembly, keeping a generic arity marker if present.</summary>
    public static string OfType(MetadataReader reader, TypeReferenceHandle handle)
    {
        TypeReference type = reader.GetTypeReference(handle);
        string name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return OfType(reader, (TypeReferenceHandle)type.ResolutionScope) + "." + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>True when a referenced type's metadata name is that of a generic type definition (e.g. Action`1).</summary>
    public static bool IsGenericDefinitionName(MetadataReader reader, TypeReferenceHandle handle) =>
        reader.GetString(reader.GetTypeReference(handle).Name).Contains(GenericArityMarker, StringComparison.Ordinal);

    /// <summary>A generic type definition named directly (typeof(Action&lt;&gt;)), written as C# does: System.Action&lt;&gt;.</summary>
    public static string OfOpenGenericType(MetadataReader reader, TypeReferenceHandle handle)
    {
        string name = OfType(reader, handle);
        int marker = name.LastIndexOf(GenericArityMarker);
        if (marker < 0 || !int.TryParse(name[(marker + 1)..], out int arity))
        {
            return name;
        }

        return name[..marker] + "<" + new string(',', Math.Max(arity - 1, 0)) + ">";
    }

    /// <summary>"Type.Method" for a method defined in the assembly, with its generic parameters if asked and any.</summary>
    public static string OfMethod(MetadataReader reader, MethodDefinitionHandle handle, bool withGenericParameters = true)
    {
        MethodDefinition method = reader.GetMethodDefinition(handle);
        string name = reader.GetString(method.Name);
        GenericParameterHandleCollection parameters = method.GetGenericParameters();
        if (withGenericParameters && parameters.Count > 0)
        {
            name += "<" + string.Join(", ", parameters.Select(p => reader.GetString(reader.GetGenericParameter(p).Name))) + ">";
        }

        return OfType(reader, method.GetDeclaringType()) + "." + name;
    }

    /// <summary>"Type.Field" for a field defined in the assembly.</summary>
    public static string OfField(MetadataReader reader, FieldDefinitionHandle handle)
    {
        FieldDefinition field = reader.GetFieldDefinition(handle);
        return OfType(reader, field.GetDeclaringType()) + "." + reader.GetString(field.Name);
    }

    /// <summary>Drops the "`1" that the compiler appends to generic type names.</summary>
    public static string WithoutArity(string name)
    {
        int marker = name.IndexOf(GenericArityMarker, StringComparison.Ordinal);
        return marker < 0 ? name : name[..marker];
    }
}

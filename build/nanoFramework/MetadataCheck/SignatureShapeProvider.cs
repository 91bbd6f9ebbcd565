using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace NanoFramework.MetadataCheck;

/// <summary>
/// Decodes metadata signatures (ECMA-335 II.23.2) into <see cref="SignatureShape"/>s, noting every generic
/// instantiation, generic parameter and non-vector (multidimensional) array met on the way.
/// </summary>
internal sealed class SignatureShapeProvider : ISignatureTypeProvider<SignatureShape, object?>
{
    public SignatureShape GetPrimitiveType(PrimitiveTypeCode typeCode) => SignatureShape.Plain(PrimitiveName(typeCode));

    public SignatureShape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        SignatureShape.Plain(MetadataNames.WithoutArity(MetadataNames.OfType(reader, handle)));

    public SignatureShape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        SignatureShape.Plain(MetadataNames.OfType(reader, handle));

    public SignatureShape GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public SignatureShape GetSZArrayType(SignatureShape elementType) => elementType with { Text = elementType.Text + "[]" };

    // Any array that is not a zero-based single-dimension vector: int[,], and also int[*] with other bounds.
    public SignatureShape GetArrayType(SignatureShape elementType, ArrayShape shape) =>
        new(elementType.Text + "[" + new string(',', Math.Max(shape.Rank - 1, 0)) + "]", elementType.UsesGenerics, true);

    public SignatureShape GetByReferenceType(SignatureShape elementType) => elementType with { Text = elementType.Text + "&" };

    public SignatureShape GetPointerType(SignatureShape elementType) => elementType with { Text = elementType.Text + "*" };

    public SignatureShape GetPinnedType(SignatureShape elementType) => elementType;

    public SignatureShape GetModifiedType(SignatureShape modifier, SignatureShape unmodifiedType, bool isRequired) => unmodifiedType;

    public SignatureShape GetGenericInstantiation(SignatureShape genericType, ImmutableArray<SignatureShape> typeArguments) =>
        new(
            MetadataNames.WithoutArity(genericType.Text) + "<" + string.Join(", ", typeArguments.Select(a => a.Text)) + ">",
            true,
            genericType.UsesMultidimensionalArray || typeArguments.Any(a => a.UsesMultidimensionalArray));

    public SignatureShape GetGenericTypeParameter(object? genericContext, int index) => new("!" + index, true, false);

    public SignatureShape GetGenericMethodParameter(object? genericContext, int index) => new("!!" + index, true, false);

    public SignatureShape GetFunctionPointerType(MethodSignature<SignatureShape> signature) =>
        Combine("method pointer", signature.ParameterTypes.Add(signature.ReturnType));

    /// <summary>One shape standing for several types (e.g. all of a method's parameters and return type).</summary>
    public static SignatureShape Combine(string text, IEnumerable<SignatureShape> parts)
    {
        SignatureShape[] all = parts.ToArray();
        return new SignatureShape(text, all.Any(p => p.UsesGenerics), all.Any(p => p.UsesMultidimensionalArray));
    }

    private static string PrimitiveName(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Byte => "byte",
        PrimitiveTypeCode.SByte => "sbyte",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.Int16 => "short",
        PrimitiveTypeCode.UInt16 => "ushort",
        PrimitiveTypeCode.Int32 => "int",
        PrimitiveTypeCode.UInt32 => "uint",
        PrimitiveTypeCode.Int64 => "long",
        PrimitiveTypeCode.UInt64 => "ulong",
        PrimitiveTypeCode.Single => "float",
        PrimitiveTypeCode.Double => "double",
        PrimitiveTypeCode.String => "string",
        PrimitiveTypeCode.Object => "object",
        PrimitiveTypeCode.Void => "void",
        PrimitiveTypeCode.IntPtr => "nint",
        PrimitiveTypeCode.UIntPtr => "nuint",
        PrimitiveTypeCode.TypedReference => "TypedReference",
        _ => typeCode.ToString(),
    };
}

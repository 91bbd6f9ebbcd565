using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Esp32Client.Tests.TypeCheck;

/// <summary>The enums the compiled compile-only facades declare, with their members' values, read from the DLLs' metadata.</summary>
internal static class FacadeEnums
{
    /// <summary>Each enum (by its name without namespace) in the facade DLLs of <paramref name="facadeDirectory"/>.</summary>
    public static Dictionary<string, List<(string Member, long Value)>> Read(string facadeDirectory)
    {
        Dictionary<string, List<(string Member, long Value)>> enums = new(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(facadeDirectory, "*.dll"))
        {
            using FileStream stream = File.OpenRead(path);
            using PEReader peReader = new(stream);
            MetadataReader reader = peReader.GetMetadataReader();
            foreach (TypeDefinition type in reader.TypeDefinitions.Select(reader.GetTypeDefinition).Where(type => IsEnum(reader, type)))
            {
                enums.Add(reader.GetString(type.Name), Members(reader, type));
            }
        }

        return enums;
    }

    private static bool IsEnum(MetadataReader reader, TypeDefinition type)
    {
        if (type.BaseType.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        TypeReference baseType = reader.GetTypeReference((TypeReferenceHandle)type.BaseType);
        return reader.GetString(baseType.Namespace) == "System" && reader.GetString(baseType.Name) == "Enum";
    }

    private static List<(string Member, long Value)> Members(MetadataReader reader, TypeDefinition type)
    {
        List<(string Member, long Value)> members = [];
        foreach (FieldDefinition field in type.GetFields().Select(reader.GetFieldDefinition))
        {
            // The instance field value__ holds the value; the members are the static literal fields.
            if ((field.Attributes & FieldAttributes.Literal) == 0)
            {
                continue;
            }

            Constant constant = reader.GetConstant(field.GetDefaultValue());
            BlobReader blob = reader.GetBlobReader(constant.Value);
            long value = constant.TypeCode switch
            {
                ConstantTypeCode.Byte => blob.ReadByte(),
                ConstantTypeCode.SByte => blob.ReadSByte(),
                ConstantTypeCode.Int16 => blob.ReadInt16(),
                ConstantTypeCode.UInt16 => blob.ReadUInt16(),
                ConstantTypeCode.Int32 => blob.ReadInt32(),
                ConstantTypeCode.UInt32 => blob.ReadUInt32(),
                ConstantTypeCode.Int64 => blob.ReadInt64(),
                _ => throw new InvalidOperationException($"{reader.GetString(type.Name)}.{reader.GetString(field.Name)} has a constant of type {constant.TypeCode}."),
            };
            members.Add((reader.GetString(field.Name), value));
        }

        return members;
    }
}

using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace NanoFramework.MetadataCheck;

/// <summary>
/// Walks a method body's IL (ECMA-335 III) and yields the metadata tokens it uses (types, methods, fields,
/// signatures), so that a generic or multidimensional-array use can be named together with the method using it.
/// </summary>
internal static class IlTokenReader
{
    private const byte TwoByteOpCodePrefix = 0xFE;

    private static readonly Dictionary<short, OperandType> s_operandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(opCode => opCode.Value, opCode => opCode.OperandType);

    /// <summary>The token operands of the body, in order.</summary>
    public static IEnumerable<EntityHandle> ReadTokens(MethodBodyBlock body)
    {
        BlobReader il = body.GetILReader();
        List<EntityHandle> tokens = new();
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == TwoByteOpCodePrefix)
            {
                value = (short)((TwoByteOpCodePrefix << 8) | il.ReadByte());
            }

            if (!s_operandTypes.TryGetValue(value, out OperandType operandType))
            {
                throw new BadImageFormatException($"Unknown IL opcode 0x{value:X}.");
            }

            switch (operandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                case OperandType.InlineSig:
                    tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                case OperandType.InlineSwitch:
                    int targets = il.ReadInt32();
                    il.Offset += targets * sizeof(int);
                    break;
                default:
                    il.Offset += OperandSize(operandType);
                    break;
            }
        }

        return tokens;
    }

    private static int OperandSize(OperandType operandType) => operandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}

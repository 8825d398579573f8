namespace JailCluster.Tests.Properties;

using CsCheck;
using JailCluster.Kernel.Fail;

/// <summary>
/// fail(9) expressions: any text parses or is refused with a reason; what parses prints back the same.
/// </summary>
public sealed class FailPointSpecProperties
{
    private static readonly Gen<string> Term =
        Gen.Select(
            Gen.OneOf("", "50%", "0.5%", "100%", "150%", "3*", "0*", "2*50%", "%", "*"),
            Gen.OneOf(FailPointSpec.Types.Concat(["", "break", "Pause", "retrun"]).ToArray()),
            Gen.OneOf("", "(5)", "(0)", "()", "(x)", "(22", "(-1)"),
            (prob, type, arg) => prob + type + arg);

    private static readonly Gen<string> Expression =
        Gen.OneOf(
            Term.Array[1, 4].Select(ts => string.Join("->", ts)),
            Gen.String[Gen.Char["a-z0-9%*()->. "], 0, 24]);

    [Fact]
    public void EveryExpressionParsesOrIsRefusedWithAReason() =>
        Expression.Sample(text =>
        {
            var terms = FailPointSpec.Parse(text, out var error);
            Assert.True(terms is not null ^ error is not null,
                $"'{text}': terms and error both {(terms is null ? "null" : "set")}");
            if (terms is not null)
            {
                var printed = FailPointSpec.Format(terms);
                var again = FailPointSpec.Parse(printed, out var error2);
                Assert.Null(error2);
                Assert.Equal(printed, FailPointSpec.Format(again!));
            }
        }, iter: 5000);
}

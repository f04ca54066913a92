using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Tests.Secrets;

public sealed class SecretMaskTests
{
    [Fact]
    public void Mask_shows_two_characters_the_length_and_a_fingerprint()
    {
        Assert.Matches(@"^Kx…\(13 chars, sha256:[0-9a-f]{8}\)$", SecretMask.Mask("Kx8-tr1p-w4ve"));
    }

    [Fact]
    public void Mask_never_shows_more_than_a_quarter_of_a_short_value()
    {
        Assert.StartsWith("a…(5 chars", SecretMask.Mask("admin"));
        Assert.StartsWith("…(3 chars", SecretMask.Mask("pw1"));
    }

    [Fact]
    public void Mask_does_not_show_a_leading_line_break()
    {
        Assert.StartsWith("…(", SecretMask.Mask("\n-----BEGIN PRIVATE KEY-----"));
    }

    [Fact]
    public void The_same_value_always_has_the_same_fingerprint()
    {
        Assert.Equal(SecretMask.Fingerprint("Kx8-tr1p-w4ve"), SecretMask.Fingerprint("Kx8-tr1p-w4ve"));
        Assert.NotEqual(SecretMask.Fingerprint("Kx8-tr1p-w4ve"), SecretMask.Fingerprint("Kx8-tr1p-w4vf"));
    }

    [Fact]
    public void The_fingerprint_is_domain_separated_so_common_passwords_cannot_be_looked_up()
    {
        // Plain SHA-256 of "admin" starts 8c6976e5, a value published in every lookup table.
        Assert.Equal("sha256:837f1d84", SecretMask.Fingerprint("admin"));
    }
}

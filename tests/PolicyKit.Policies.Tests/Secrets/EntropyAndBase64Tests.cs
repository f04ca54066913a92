using System.Text;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Tests.Secrets;

public sealed class EntropyAndBase64Tests
{
    [Theory]
    [InlineData("7c1e9a4f2b8d6e30c5a7f9b1d3e5a7c9")]
    [InlineData("Jw7Rk2Vx9Lq4Ty8Bn3Mz6")]
    public void Generated_tokens_look_random(string value)
    {
        Assert.True(ShannonEntropy.LooksRandom(value));
    }

    [Theory]
    [InlineData("odoo-db-app-credentials")]
    [InlineData("authentication-required")]
    [InlineData("aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("short1")]
    public void Names_words_and_short_values_do_not_look_random(string value)
    {
        Assert.False(ShannonEntropy.LooksRandom(value));
    }

    [Fact]
    public void Entropy_of_a_single_repeated_character_is_zero()
    {
        Assert.Equal(0, ShannonEntropy.BitsPerCharacter("zzzz"));
    }

    [Fact]
    public void Base64_text_is_decoded_also_when_folded_over_lines()
    {
        Assert.True(Base64Text.TryDecodeText("b2Rv\nbzEy\nMw==", out var text, out _));
        Assert.Equal("odoo123", text);
    }

    [Fact]
    public void Binary_content_is_told_from_text()
    {
        var encoded = System.Convert.ToBase64String(new byte[] { 0x30, 0x82, 0x00, 0x01, 0xFF, 0x10 });

        Assert.False(Base64Text.TryDecodeText(encoded, out _, out var isBinary));
        Assert.True(isBinary);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("abc")]
    [InlineData("ab=c")]
    public void Invalid_base64_is_rejected_without_throwing(string value)
    {
        Assert.False(Base64Text.TryDecode(value, out _));
    }

    [Fact]
    public void Utf8_text_survives_decoding()
    {
        var encoded = System.Convert.ToBase64String(Encoding.UTF8.GetBytes("Pässwörd-42"));

        Assert.True(Base64Text.TryDecodeText(encoded, out var text, out _));
        Assert.Equal("Pässwörd-42", text);
    }
}

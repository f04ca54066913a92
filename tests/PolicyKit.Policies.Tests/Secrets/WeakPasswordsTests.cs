using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Tests.Secrets;

public sealed class WeakPasswordsTests
{
    [Theory]
    [InlineData("admin")]
    [InlineData("odoo")]
    [InlineData("odoo123")]
    [InlineData("Odoo2024!")]
    [InlineData("P@ssw0rd")]
    [InlineData("s3cr3t")]
    [InlineData("changeme")]
    [InlineData("adminadmin")]
    [InlineData("123456")]
    public void Dictionary_words_with_decoration_are_weak(string password)
    {
        Assert.True(WeakPasswords.IsDictionaryLike(password));
    }

    [Theory]
    [InlineData("Kx8-tr1p-w4ve")]
    [InlineData("Vq7-xR2p-Lm9t-Wk4z")]
    [InlineData("4f8c2d9e7b1a6053")]
    public void Generated_passwords_are_not_dictionary_like(string password)
    {
        Assert.False(WeakPasswords.IsDictionaryLike(password));
    }

    [Fact]
    public void A_master_password_shorter_than_twelve_characters_is_weak()
    {
        Assert.True(WeakPasswords.IsWeakMasterPassword("Kx8-tr1p-w4"));
        Assert.False(WeakPasswords.IsWeakMasterPassword("Kx8-tr1p-w4ve"));
    }
}

namespace PolicyKit.Analyzers.Secrets;

/// <summary>A string value of a settings file: the key that holds it, its text, and where its text starts in the file.</summary>
internal readonly struct SettingValue
{
    public SettingValue(string path, string key, string value, int start, int length)
    {
        Path = path;
        Key = key;
        Value = value;
        Start = start;
        Length = length;
    }

    /// <summary><c>ConnectionStrings:Odoo</c>, as configuration binding spells it.</summary>
    public string Path { get; }

    public string Key { get; }

    public string Value { get; }

    public int Start { get; }

    /// <summary>The value's length in the file (escapes included).</summary>
    public int Length { get; }
}

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// One <c>key = value</c> line of an Odoo configuration file, with 0-based positions of its key and value inside the
/// text it was read from. The key is lower-cased, as Odoo's config parser does.
/// </summary>
public sealed class OdooOption
{
    public OdooOption(string section, string key, int line, int keyColumn, string value, int valueColumn)
    {
        Section = section;
        Key = key;
        Line = line;
        KeyColumn = keyColumn;
        Value = value;
        ValueColumn = valueColumn;
    }

    public string Section { get; }

    public string Key { get; }

    public int Line { get; }

    public int KeyColumn { get; }

    public string Value { get; }

    public int ValueColumn { get; }
}

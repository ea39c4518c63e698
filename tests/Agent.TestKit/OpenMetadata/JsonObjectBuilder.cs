using System.Text.Json.Nodes;

namespace Agent.TestKit.OpenMetadata;

/// <summary>Builds the small bodies AirflowRESTClient makes with <c>new JSONObject().put(…)</c>.</summary>
internal sealed class JsonObjectBuilder
{
    private readonly JsonObject _object = [];

    public JsonObjectBuilder Add(string name, string value)
    {
        _object[name] = value;
        return this;
    }

    public string Build() => _object.ToJsonString();
}

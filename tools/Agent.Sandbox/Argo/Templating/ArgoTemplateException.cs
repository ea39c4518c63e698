namespace Agent.Sandbox.Argo.Templating;

/// <summary>
/// A template substitution Argo itself cannot finish: an unterminated <c>{{</c> (fasttemplate's parse error) or a
/// replacement that leaves the template's JSON invalid (<c>util/template/replace.go</c>). The message is Argo's text.
/// </summary>
internal sealed class ArgoTemplateException(string message) : Exception(message);

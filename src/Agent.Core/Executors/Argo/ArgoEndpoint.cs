namespace Agent.Core.Executors.Argo;

/// <summary>
/// Completes an Argo endpoint given without a scheme. The chart documents <c>config.argoWorkflows.endpoint</c> as
/// "(host:port)" and renders it unchanged, while the Argo Server it installs itself is reached as
/// <c>http://argo-workflows-server.&lt;ns&gt;.svc:2746</c> (hybrid-ingestion-runner chart 1.13.3, templates/_helpers.tpl
/// argoWorkflows.endpoint). So a bare <c>host:port</c> means <c>http://</c>, unless the operator gave TLS settings for
/// the Argo Server (<c>ARGO_SERVER_CERTIFICATE_PATH</c>, the chart's "SSL to connect to the Argo Server", or
/// <c>ARGO_INSECURE_SKIP_VERIFY</c>): then it means <c>https://</c>.
/// </summary>
internal static class ArgoEndpoint
{
    public static void Complete(ArgoOptions options)
    {
        var endpoint = options.Endpoint.Trim();
        if (endpoint.Length == 0 || endpoint.Contains("://", StringComparison.Ordinal))
        {
            return;
        }

        var tls = !string.IsNullOrWhiteSpace(options.ServerCertificatePath) || options.InsecureSkipVerify;
        options.Endpoint = (tls ? "https://" : "http://") + endpoint;
    }
}

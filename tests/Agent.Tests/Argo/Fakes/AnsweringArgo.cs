using Agent.Core.Argo;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Agent.Tests.Argo.Fakes;

/// <summary>The agent's real workflow and cron workflow clients over an <see cref="AnsweringArgoHandler"/>.</summary>
internal static class AnsweringArgo
{
    public static ArgoWorkflowClient Workflows(AnsweringArgoHandler handler) => new(Clients(handler), Options(), TimeProvider.System);

    public static ArgoCronWorkflowClient CronWorkflows(AnsweringArgoHandler handler) => new(Clients(handler), Options());

    private static ArgoApiClients Clients(AnsweringArgoHandler handler)
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: new HttpClient(handler))
        {
            BaseUrl = "http://argo.test",
        };
        return new ArgoApiClients(adapter, adapter, adapter);
    }

    private static IOptions<ArgoOptions> Options() =>
        Microsoft.Extensions.Options.Options.Create(new ArgoOptions { Namespace = "ingestion", Endpoint = "http://argo.test" });
}

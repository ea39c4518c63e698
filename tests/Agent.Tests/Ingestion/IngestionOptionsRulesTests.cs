using Agent.Core.Ingestion;

namespace Agent.Tests.Ingestion;

/// <summary>Settings that would give workflows a real cluster fails are refused at start, naming what to set.</summary>
public sealed class IngestionOptionsRulesTests
{
    [Fact]
    public void Validate_TokenNotMountedAndNoServiceAccount_NamesTheExecutorVariable()
    {
        var result = new IngestionOptionsRules().Validate(null, new IngestionOptions { Image = "i", AutomountServiceAccountToken = false });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("INGESTION_AUTOMOUNT_SA_TOKEN is false, so Argo needs an executor service account: set ARGO_WORKFLOW_EXECUTOR_SERVICE_ACCOUNT_NAME", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LegacyCustomerToleration_RefusedPointingToTheWorkflowSpecFile()
    {
        var result = new IngestionOptionsRules().Validate(null, new IngestionOptions { Image = "i", LegacyCustomerToleration = "dedicated=ingestion" });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("ARGO_INGESTION_WORKFLOW_SPEC_FILE_PATH", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("dedicated=ingestion", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "executor-sa")]
    [InlineData("ingestion-sa", null)]
    public void Validate_TokenNotMountedWithAnAccount_Passes(string? serviceAccount, string? executor)
    {
        var options = new IngestionOptions { Image = "i", AutomountServiceAccountToken = false, ServiceAccountName = serviceAccount, ExecutorServiceAccountName = executor };

        Assert.True(new IngestionOptionsRules().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("kubernetes")]
    [InlineData("managed-aws")]
    [InlineData("aws-ssm")]
    [InlineData("azure-kv")]
    [InlineData("gcp")]
    [InlineData("db")]
    public void Validate_KnownSecretsManager_Passes(string provider)
    {
        Assert.True(new IngestionOptionsRules().Validate(null, new IngestionOptions { Image = "i", SecretsManager = provider }).Succeeded);
    }

    [Theory]
    [InlineData("in-memory")]
    [InlineData("vault")]
    [InlineData("Kubernetes")]
    public void Validate_UnusableSecretsManager_NamesTheAcceptedOnes(string provider)
    {
        var result = new IngestionOptionsRules().Validate(null, new IngestionOptions { Image = "i", SecretsManager = provider });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("SECRETS_MANAGER must be one of db, managed-aws, aws, managed-aws-ssm, aws-ssm, managed-azure-kv, azure-kv, gcp, kubernetes", failure, StringComparison.Ordinal);
        Assert.Contains($"(got '{provider}')", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnmountedTokenWithKubernetesExecutor_NeedsNoArgoExecutorServiceAccount()
    {
        var result = new IngestionOptionsRules(argo: false).Validate(null, new IngestionOptions { Image = "i", AutomountServiceAccountToken = false });

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}

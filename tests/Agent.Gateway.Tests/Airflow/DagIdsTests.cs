using Agent.Gateway.Airflow;

namespace Agent.Gateway.Tests.Airflow;

public sealed class DagIdsTests
{
    [Theory]
    [InlineData("mysql_prod_metadata", "mysql_prod_metadata")]
    [InlineData("my-pipe_1", "my-pipe_1")]
    [InlineData("mysql prod.metadata", "mysql_prod_metadata")]
    [InlineData("a..  b", "a_b")]
    [InlineData("ünïcode", "_n_code")]
    public void Clean_ReplacesRunsOutsideThePluginsSetWithOneUnderscore(string raw, string expected)
    {
        // openmetadata_managed_apis/api/utils.py clean_dag_id: re.sub("[^0-9a-zA-Z-_]+", "_", raw).
        Assert.Equal(expected, DagIds.Clean(raw));
    }
}

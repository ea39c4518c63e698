namespace Agent.IntegrationTests;

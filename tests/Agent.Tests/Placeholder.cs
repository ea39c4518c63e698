namespace Agent.Tests;

namespace Agent.Gateway.Store;

/// <summary>Encrypts deploy payloads at rest (ASP.NET Core Data Protection, keys shared by the replicas through the store).</summary>
internal interface IPayloadProtector
{
    string Protect(string payloadJson);

    string Unprotect(string protectedPayload);
}

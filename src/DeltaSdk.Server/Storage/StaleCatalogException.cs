namespace DeltaSdk.Server.Storage;

/// <summary>
/// A row names a task the store's catalog in memory does not hold yet: a catalogue write (on another instance, or one
/// that committed during the read) is newer than the catalog. The store reloads its catalog and reads again.
/// </summary>
internal sealed class StaleCatalogException(string message) : Exception(message);

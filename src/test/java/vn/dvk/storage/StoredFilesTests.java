package vn.dvk.storage;

/** {@link StoredFilesContract} on the local folder, the default store. */
class StoredFilesTests extends StoredFilesContract {}

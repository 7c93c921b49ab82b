#include "engine/serve/zip_archive.hpp"

#include <zip.h>

#include <cstdio>
#include <stdexcept>

namespace followsim::serve {

namespace {

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
    const std::string message = what + ": " + zip_error_strerror(error);
    zip_error_fini(error);
    throw std::runtime_error(message);
}

// The whole content of an in-memory source libzip has written.
std::string source_bytes(zip_source_t* source) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_stat(source, &stat) != 0 || zip_source_open(source) != 0)
        throw std::runtime_error("zip: cannot read the archive back");
    std::string bytes(static_cast<std::size_t>(stat.size), '\0');
    const zip_int64_t read = zip_source_read(source, bytes.data(), stat.size);
    zip_source_close(source);
    if (read != static_cast<zip_int64_t>(stat.size)) throw std::runtime_error("zip: short read");
    return bytes;
}

}  // namespace

std::string zip_archive(const std::string& folder,
                        const std::vector<std::pair<std::string, std::string>>& files) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!memory) fail("zip", &error);
    zip_t* archive = zip_open_from_source(memory, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(memory);
        fail("zip", &error);
    }
    zip_source_keep(memory);  // the archive's bytes stay after zip_close
    for (const auto& [name, content] : files) {
        zip_source_t* file = zip_source_buffer(archive, content.data(), content.size(), 0);
        const std::string entry = folder + "/" + name;
        if (!file || zip_file_add(archive, entry.c_str(), file, ZIP_FL_ENC_UTF_8) < 0) {
            if (file) zip_source_free(file);
            zip_discard(archive);
            zip_source_free(memory);
            throw std::runtime_error("zip: cannot add " + entry);
        }
    }
    if (zip_close(archive) != 0) {
        zip_discard(archive);
        zip_source_free(memory);
        throw std::runtime_error("zip: cannot write the archive");
    }
    std::string bytes = source_bytes(memory);
    zip_source_free(memory);
    zip_error_fini(&error);
    return bytes;
}

std::vector<std::pair<std::string, std::string>> unzip_archive(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* memory = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!memory) fail("unzip", &error);
    zip_t* archive = zip_open_from_source(memory, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
        zip_source_free(memory);
        fail("unzip", &error);
    }
    std::vector<std::pair<std::string, std::string>> files;
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
        zip_stat_t stat;
        zip_file_t* file = nullptr;
        if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) == 0)
            file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        if (!file) {
            zip_discard(archive);
            throw std::runtime_error("unzip: cannot read an entry");
        }
        std::string content(static_cast<std::size_t>(stat.size), '\0');
        const zip_int64_t read = zip_fread(file, content.data(), stat.size);
        zip_fclose(file);
        if (read != static_cast<zip_int64_t>(stat.size)) {
            zip_discard(archive);
            throw std::runtime_error("unzip: short read");
        }
        files.emplace_back(stat.name, std::move(content));
    }
    zip_discard(archive);
    zip_error_fini(&error);
    return files;
}

}  // namespace followsim::serve

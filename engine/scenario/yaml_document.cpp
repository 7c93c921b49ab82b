#include "engine/scenario/yaml_document.hpp"

#include <fmt/core.h>
#include <openssl/evp.h>

#include <sstream>

#include "engine/scenario/diagnostics.hpp"
#include "engine/scenario/text_file.hpp"

namespace followsim::scenario {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(path);
    while (std::getline(in, part, '.')) parts.push_back(part);
    return parts;
}

std::string child_path(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
}

bool path_has_prefix(const std::string& path, const std::string& prefix) {
    return path == prefix || (path.size() > prefix.size() && path.rfind(prefix, 0) == 0 &&
                              path[prefix.size()] == '.');
}

YAML::Node find_path(const YAML::Node& root, const std::string& path) {
    YAML::Node current;
    current.reset(root);
    for (const std::string& part : split_path(path)) {
        YAML::Node next;
        if (current.IsMap()) {
            if (!current[part]) return YAML::Node(YAML::NodeType::Undefined);
            next.reset(current[part]);
        } else if (current.IsSequence()) {
            bool found = false;
            for (std::size_t k = 0; k < current.size(); ++k) {
                const bool by_index = std::to_string(k) == part;
                const bool by_name =
                    current[k].IsMap() && current[k]["name"] && current[k]["name"].Scalar() == part;
                if (by_index || by_name) {
                    next.reset(current[k]);
                    found = true;
                    break;
                }
            }
            if (!found) return YAML::Node(YAML::NodeType::Undefined);
        } else {
            return YAML::Node(YAML::NodeType::Undefined);
        }
        current.reset(next);
    }
    return current;
}

std::string read_scenario_text(const std::string& path) {
    try {
        return read_text_file(path, kMaxScenarioBytes, "a scenario file");
    } catch (const FileRefused& e) {
        throw ScenarioError({Diagnostic{path, 1, 1, "", e.what()}});
    }
}

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed");
    }
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
    return hex;
}

}  // namespace followsim::scenario

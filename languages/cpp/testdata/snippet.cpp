#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace stats {

template <typename T>
class Histogram {
public:
    void add(const T& value) { ++counts_[value]; }

    std::vector<std::pair<T, int>> top(std::size_t n) const {
        std::vector<std::pair<T, int>> v(counts_.begin(), counts_.end());
        std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
            return a.second > b.second;
        });
        if (v.size() > n) v.resize(n);
        return v;
    }

private:
    std::map<T, int> counts_;
};

}  // namespace stats

int main() {
    stats::Histogram<std::string> h;
    for (std::string word; std::cin >> word;) {
        h.add(word);
    }
    for (const auto& [word, count] : h.top(5)) {
        std::cout << word << ": " << count << '\n';
    }
    return 0;
}

// Disjoint sets with path halving and union by size: linked components of near-duplicate texts
// and of mentions of one event.
#ifndef VIGIE_STORE_UNION_FIND_H_
#define VIGIE_STORE_UNION_FIND_H_

#include <cstddef>
#include <numeric>
#include <utility>
#include <vector>

namespace vigie::internal {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n), size_(n, 1) {
    std::iota(parent_.begin(), parent_.end(), size_t{0});
  }
  size_t Find(size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  // Returns the root of the united set.
  size_t Unite(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return a;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    return a;
  }

 private:
  std::vector<size_t> parent_;
  std::vector<size_t> size_;
};

}  // namespace vigie::internal

#endif  // VIGIE_STORE_UNION_FIND_H_

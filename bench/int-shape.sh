# The integer data shape of the diff benchmarks (sourced by bench/diff-bench.sh,
# bench/checksum-bench.sh and bench/diff-profile.sh, so that all three measure the same rows):
# a bigint key i and 10 text columns c1…c10 derived from it.
#   int_cols  ", c1 text, …, c10 text"              (after the key in CREATE TABLE)
#   int_sel   ", substr(md5(i::text || '1'), …), …"  (after the key in SELECT … FROM generate_series)
int_cols=""; int_sel=""
for k in $(seq 1 10); do int_cols+=", c$k text"; int_sel+=", substr(md5(i::text || '$k'), 1, $((8 + k)))"; done

# planted VARIANT ROWS → the SQL condition on i of the keys that carry a difference (0.5% of keys):
# S scattered, C one contiguous range, Z none.
planted() {
  case $1 in
    S) echo "i % 200 = 0" ;;
    C) echo "i > $2 / 2 AND i <= $2 / 2 + $2 / 200" ;;
    Z) echo "false" ;;
  esac
}

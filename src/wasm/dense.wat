;; The dense layers' inner loops in WebAssembly SIMD (f64x2), for Backprop on large networks.
;;
;; Each function computes exactly the sums the JavaScript kernels of src/kernels.ts compute,
;; adding the same products in the same order, so both paths give the same bits: a lane of
;; an f64x2 holds one output (one sample's sum, or one weight's gradient), never a partial
;; sum of one output, and there is no fused multiply-add. What differs is how many outputs
;; advance at once.
;;
;; Every pointer is a byte offset into the imported memory; strides are in bytes too.
;; Build: `node scripts/build-wasm.mjs` writes src/wasm/dense-bytes.ts from this file.
(module
  (import "env" "memory" (memory 1))

  ;; x4[4i + g] = x[g·stride + i] for i < n and samples g = 0..3: the four samples' inputs
  ;; side by side, so one v128 load holds one input of two samples.
  (func $interleave (param $x i32) (param $stride i32) (param $n i32) (param $x4 i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
      (loop $next
        (f64.store offset=0 (local.get $x4) (f64.load (local.get $x)))
        (f64.store offset=8 (local.get $x4) (f64.load (i32.add (local.get $x) (local.get $stride))))
        (f64.store offset=16 (local.get $x4)
          (f64.load (i32.add (local.get $x) (i32.shl (local.get $stride) (i32.const 1)))))
        (f64.store offset=24 (local.get $x4)
          (f64.load (i32.add (local.get $x) (i32.mul (local.get $stride) (i32.const 3)))))
        (local.set $x4 (i32.add (local.get $x4) (i32.const 32)))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (br_if $next (i32.lt_u (local.get $x) (local.get $end))))))

  ;; Writes bias + each lane of one neuron's sums: lanes of $s01 are samples 0 and 1, of
  ;; $s23 samples 2 and 3. $z points at sample 0's sum for this neuron.
  (func $storeSums (param $z i32) (param $stride i32) (param $bias f64) (param $s01 v128) (param $s23 v128)
    (f64.store (local.get $z) (f64.add (local.get $bias) (f64x2.extract_lane 0 (local.get $s01))))
    (local.set $z (i32.add (local.get $z) (local.get $stride)))
    (f64.store (local.get $z) (f64.add (local.get $bias) (f64x2.extract_lane 1 (local.get $s01))))
    (local.set $z (i32.add (local.get $z) (local.get $stride)))
    (f64.store (local.get $z) (f64.add (local.get $bias) (f64x2.extract_lane 0 (local.get $s23))))
    (local.set $z (i32.add (local.get $z) (local.get $stride)))
    (f64.store (local.get $z) (f64.add (local.get $bias) (f64x2.extract_lane 1 (local.get $s23)))))

  ;; weightedSumsOfFour for neurons 0 … count − 1 of one layer: for sample g = 0..3,
  ;;   z[g·stride + j] = b[j] + (((0 + w[j][0]·x_g[0]) + w[j][1]·x_g[1]) + …)
  ;; with w row-major (n inputs a row), x = sample 0's inputs, x4 room for 4n doubles.
  ;; Four neurons at a time: eight running sums (four neurons × two pairs of samples)
  ;; from two input loads and four weight loads.
  (func (export "weightedSumsOfFour")
    (param $w i32) (param $b i32) (param $n i32) (param $count i32)
    (param $x i32) (param $z i32) (param $stride i32) (param $x4 i32)
    (local $row i32) (local $end i32) (local $p i32) (local $q i32) (local $j i32)
    (local $w1 i32) (local $w2 i32) (local $w3 i32)
    (local $x01 v128) (local $x23 v128) (local $wj v128)
    (local $a01 v128) (local $a23 v128) (local $b01 v128) (local $b23 v128)
    (local $c01 v128) (local $c23 v128) (local $d01 v128) (local $d23 v128)
    (call $interleave (local.get $x) (local.get $stride) (local.get $n) (local.get $x4))
    (local.set $row (i32.shl (local.get $n) (i32.const 3)))
    (local.set $end (i32.add (local.get $x4) (i32.shl (local.get $n) (i32.const 5))))
    (local.set $j (i32.const 0))
    ;; Four neurons at a time.
    (block $fours
      (loop $four
        (br_if $fours (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $count)))
        (local.set $a01 (v128.const i64x2 0 0)) (local.set $a23 (v128.const i64x2 0 0))
        (local.set $b01 (v128.const i64x2 0 0)) (local.set $b23 (v128.const i64x2 0 0))
        (local.set $c01 (v128.const i64x2 0 0)) (local.set $c23 (v128.const i64x2 0 0))
        (local.set $d01 (v128.const i64x2 0 0)) (local.set $d23 (v128.const i64x2 0 0))
        (local.set $w1 (local.get $row))
        (local.set $w2 (i32.shl (local.get $row) (i32.const 1)))
        (local.set $w3 (i32.mul (local.get $row) (i32.const 3)))
        (local.set $p (local.get $x4))
        (local.set $q (local.get $w))
        (block $done
          (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
          (loop $input
            (local.set $x01 (v128.load (local.get $p)))
            (local.set $x23 (v128.load offset=16 (local.get $p)))
            (local.set $wj (v128.load64_splat (local.get $q)))
            (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (local.get $wj) (local.get $x01))))
            (local.set $a23 (f64x2.add (local.get $a23) (f64x2.mul (local.get $wj) (local.get $x23))))
            (local.set $wj (v128.load64_splat (i32.add (local.get $q) (local.get $w1))))
            (local.set $b01 (f64x2.add (local.get $b01) (f64x2.mul (local.get $wj) (local.get $x01))))
            (local.set $b23 (f64x2.add (local.get $b23) (f64x2.mul (local.get $wj) (local.get $x23))))
            (local.set $wj (v128.load64_splat (i32.add (local.get $q) (local.get $w2))))
            (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $wj) (local.get $x01))))
            (local.set $c23 (f64x2.add (local.get $c23) (f64x2.mul (local.get $wj) (local.get $x23))))
            (local.set $wj (v128.load64_splat (i32.add (local.get $q) (local.get $w3))))
            (local.set $d01 (f64x2.add (local.get $d01) (f64x2.mul (local.get $wj) (local.get $x01))))
            (local.set $d23 (f64x2.add (local.get $d23) (f64x2.mul (local.get $wj) (local.get $x23))))
            (local.set $p (i32.add (local.get $p) (i32.const 32)))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (br_if $input (i32.lt_u (local.get $p) (local.get $end)))))
        (call $storeSums (local.get $z) (local.get $stride) (f64.load (local.get $b)) (local.get $a01) (local.get $a23))
        (call $storeSums (i32.add (local.get $z) (i32.const 8)) (local.get $stride)
          (f64.load offset=8 (local.get $b)) (local.get $b01) (local.get $b23))
        (call $storeSums (i32.add (local.get $z) (i32.const 16)) (local.get $stride)
          (f64.load offset=16 (local.get $b)) (local.get $c01) (local.get $c23))
        (call $storeSums (i32.add (local.get $z) (i32.const 24)) (local.get $stride)
          (f64.load offset=24 (local.get $b)) (local.get $d01) (local.get $d23))
        (local.set $w (i32.add (local.get $w) (i32.shl (local.get $row) (i32.const 2))))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (local.set $z (i32.add (local.get $z) (i32.const 32)))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $four)))
    ;; The last neurons one at a time, in the same order.
    (block $ones
      (loop $one
        (br_if $ones (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $a01 (v128.const i64x2 0 0)) (local.set $a23 (v128.const i64x2 0 0))
        (local.set $p (local.get $x4))
        (local.set $q (local.get $w))
        (block $done
          (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
          (loop $input
            (local.set $wj (v128.load64_splat (local.get $q)))
            (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (local.get $wj) (v128.load (local.get $p)))))
            (local.set $a23 (f64x2.add (local.get $a23) (f64x2.mul (local.get $wj) (v128.load offset=16 (local.get $p)))))
            (local.set $p (i32.add (local.get $p) (i32.const 32)))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (br_if $input (i32.lt_u (local.get $p) (local.get $end)))))
        (call $storeSums (local.get $z) (local.get $stride) (f64.load (local.get $b)) (local.get $a01) (local.get $a23))
        (local.set $w (i32.add (local.get $w) (local.get $row)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (local.set $z (i32.add (local.get $z) (i32.const 8)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $one))))

  ;; weightedSums with dot's order, for one sample: for neuron j < m,
  ;;   z[j] = b[j] + ((s0 + s1) + (s2 + s3)), where s_r adds w[j][i]·x[i] over i ≡ r (mod 4)
  ;; in order, and the last n mod 4 products go to s0. Lanes hold (s0, s1) and (s2, s3).
  (func (export "weightedSums")
    (param $w i32) (param $b i32) (param $n i32) (param $m i32) (param $x i32) (param $z i32)
    (local $i i32) (local $fours i32) (local $end i32) (local $zEnd i32)
    (local $s01 v128) (local $s23 v128) (local $s0 f64)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (local.set $fours (i32.and (local.get $end) (i32.const -32)))
    (local.set $zEnd (i32.add (local.get $z) (i32.shl (local.get $m) (i32.const 3))))
    (block $neurons
      (loop $neuron
        (br_if $neurons (i32.ge_u (local.get $z) (local.get $zEnd)))
        (local.set $s01 (v128.const i64x2 0 0))
        (local.set $s23 (v128.const i64x2 0 0))
        (local.set $i (i32.const 0))
        (block $done
          (loop $four
            (br_if $done (i32.ge_u (local.get $i) (local.get $fours)))
            (local.set $s01 (f64x2.add (local.get $s01)
              (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $i))) (v128.load (i32.add (local.get $x) (local.get $i))))))
            (local.set $s23 (f64x2.add (local.get $s23)
              (f64x2.mul (v128.load offset=16 (i32.add (local.get $w) (local.get $i))) (v128.load offset=16 (i32.add (local.get $x) (local.get $i))))))
            (local.set $i (i32.add (local.get $i) (i32.const 32)))
            (br $four)))
        (local.set $s0 (f64x2.extract_lane 0 (local.get $s01)))
        (block $done
          (loop $one
            (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $s0 (f64.add (local.get $s0)
              (f64.mul (f64.load (i32.add (local.get $w) (local.get $i))) (f64.load (i32.add (local.get $x) (local.get $i))))))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (br $one)))
        (f64.store (local.get $z)
          (f64.add (f64.load (local.get $b))
            (f64.add
              (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $s01)))
              (f64.add (f64x2.extract_lane 0 (local.get $s23)) (f64x2.extract_lane 1 (local.get $s23))))))
        (local.set $w (i32.add (local.get $w) (local.get $end)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (local.set $z (i32.add (local.get $z) (i32.const 8)))
        (br $neuron))))

  ;; addScaledRows: g[i] += Σₖ d[k] · values[starts[k] + i] for i < n, samples k < count;
  ;; four samples at a time as (d0·v0 + d1·v1) + (d2·v2 + d3·v3), then one at a time.
  ;; starts holds i32 indices (in doubles) from $values. Two gradients per v128.
  (func (export "addScaledRows")
    (param $g i32) (param $n i32) (param $values i32) (param $starts i32) (param $deltas i32) (param $count i32)
    (local $i i32) (local $end i32) (local $k i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $fours
      (loop $four
        (br_if $fours (i32.gt_u (i32.add (local.get $k) (i32.const 4)) (local.get $count)))
        (local.set $d0 (v128.load64_splat (local.get $deltas)))
        (local.set $d1 (v128.load64_splat offset=8 (local.get $deltas)))
        (local.set $d2 (v128.load64_splat offset=16 (local.get $deltas)))
        (local.set $d3 (v128.load64_splat offset=24 (local.get $deltas)))
        (local.set $p0 (i32.add (local.get $values) (i32.shl (i32.load (local.get $starts)) (i32.const 3))))
        (local.set $p1 (i32.add (local.get $values) (i32.shl (i32.load offset=4 (local.get $starts)) (i32.const 3))))
        (local.set $p2 (i32.add (local.get $values) (i32.shl (i32.load offset=8 (local.get $starts)) (i32.const 3))))
        (local.set $p3 (i32.add (local.get $values) (i32.shl (i32.load offset=12 (local.get $starts)) (i32.const 3))))
        (local.set $i (i32.const 0))
        (block $pairs
          (loop $pair
            (br_if $pairs (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $end)))
            (v128.store (i32.add (local.get $g) (local.get $i))
              (f64x2.add
                (v128.load (i32.add (local.get $g) (local.get $i)))
                (f64x2.add
                  (f64x2.add
                    (f64x2.mul (local.get $d0) (v128.load (i32.add (local.get $p0) (local.get $i))))
                    (f64x2.mul (local.get $d1) (v128.load (i32.add (local.get $p1) (local.get $i)))))
                  (f64x2.add
                    (f64x2.mul (local.get $d2) (v128.load (i32.add (local.get $p2) (local.get $i))))
                    (f64x2.mul (local.get $d3) (v128.load (i32.add (local.get $p3) (local.get $i))))))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $pair)))
        (if (i32.lt_u (local.get $i) (local.get $end))
          (then
            (f64.store (i32.add (local.get $g) (local.get $i))
              (f64.add
                (f64.load (i32.add (local.get $g) (local.get $i)))
                (f64.add
                  (f64.add
                    (f64.mul (f64x2.extract_lane 0 (local.get $d0)) (f64.load (i32.add (local.get $p0) (local.get $i))))
                    (f64.mul (f64x2.extract_lane 0 (local.get $d1)) (f64.load (i32.add (local.get $p1) (local.get $i)))))
                  (f64.add
                    (f64.mul (f64x2.extract_lane 0 (local.get $d2)) (f64.load (i32.add (local.get $p2) (local.get $i))))
                    (f64.mul (f64x2.extract_lane 0 (local.get $d3)) (f64.load (i32.add (local.get $p3) (local.get $i))))))))))
        (local.set $starts (i32.add (local.get $starts) (i32.const 16)))
        (local.set $deltas (i32.add (local.get $deltas) (i32.const 32)))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br $four)))
    (block $ones
      (loop $one
        (br_if $ones (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $d0 (v128.load64_splat (local.get $deltas)))
        (local.set $p0 (i32.add (local.get $values) (i32.shl (i32.load (local.get $starts)) (i32.const 3))))
        (local.set $i (i32.const 0))
        (block $pairs
          (loop $pair
            (br_if $pairs (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $end)))
            (v128.store (i32.add (local.get $g) (local.get $i))
              (f64x2.add
                (v128.load (i32.add (local.get $g) (local.get $i)))
                (f64x2.mul (local.get $d0) (v128.load (i32.add (local.get $p0) (local.get $i))))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $pair)))
        (if (i32.lt_u (local.get $i) (local.get $end))
          (then
            (f64.store (i32.add (local.get $g) (local.get $i))
              (f64.add
                (f64.load (i32.add (local.get $g) (local.get $i)))
                (f64.mul (f64x2.extract_lane 0 (local.get $d0)) (f64.load (i32.add (local.get $p0) (local.get $i))))))))
        (local.set $starts (i32.add (local.get $starts) (i32.const 4)))
        (local.set $deltas (i32.add (local.get $deltas) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $one))))

  ;; backpropagateFour: for input i < n and sample g = 0..3,
  ;;   dFrom[g·stride + i] = ((0 + w[0][i]·dTo[g·stride + 0]) + w[1][i]·dTo[g·stride + 1]) + …
  ;; over the m neurons of the next layer. Two inputs per v128, so eight running sums for
  ;; four inputs of four samples; the last input (n odd) in scalars.
  (func (export "backpropagateFour")
    (param $w i32) (param $n i32) (param $m i32) (param $dFrom i32) (param $dTo i32) (param $stride i32)
    (local $row i32) (local $i i32) (local $end i32) (local $q i32) (local $t i32) (local $tEnd i32)
    (local $s2 i32) (local $s3 i32)
    (local $wa v128) (local $wb v128) (local $e v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $f0 f64) (local $f1 f64) (local $f2 f64) (local $f3 f64) (local $v f64)
    (local.set $row (i32.shl (local.get $n) (i32.const 3)))
    (local.set $end (local.get $row))
    (local.set $s2 (i32.shl (local.get $stride) (i32.const 1)))
    (local.set $s3 (i32.mul (local.get $stride) (i32.const 3)))
    (local.set $tEnd (i32.add (local.get $dTo) (i32.shl (local.get $m) (i32.const 3))))
    ;; Four inputs (two v128) at a time.
    (block $fours
      (loop $four
        (br_if $fours (i32.gt_u (i32.add (local.get $i) (i32.const 32)) (local.get $end)))
        (local.set $a0 (v128.const i64x2 0 0)) (local.set $a1 (v128.const i64x2 0 0))
        (local.set $a2 (v128.const i64x2 0 0)) (local.set $a3 (v128.const i64x2 0 0))
        (local.set $b0 (v128.const i64x2 0 0)) (local.set $b1 (v128.const i64x2 0 0))
        (local.set $b2 (v128.const i64x2 0 0)) (local.set $b3 (v128.const i64x2 0 0))
        (local.set $q (i32.add (local.get $w) (local.get $i)))
        (local.set $t (local.get $dTo))
        (block $done
          (br_if $done (i32.ge_u (local.get $t) (local.get $tEnd)))
          (loop $neuron
            (local.set $wa (v128.load (local.get $q)))
            (local.set $wb (v128.load offset=16 (local.get $q)))
            (local.set $e (v128.load64_splat (local.get $t)))
            (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $wa) (local.get $e))))
            (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $wb) (local.get $e))))
            (local.set $e (v128.load64_splat (i32.add (local.get $t) (local.get $stride))))
            (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $wa) (local.get $e))))
            (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $wb) (local.get $e))))
            (local.set $e (v128.load64_splat (i32.add (local.get $t) (local.get $s2))))
            (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $wa) (local.get $e))))
            (local.set $b2 (f64x2.add (local.get $b2) (f64x2.mul (local.get $wb) (local.get $e))))
            (local.set $e (v128.load64_splat (i32.add (local.get $t) (local.get $s3))))
            (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $wa) (local.get $e))))
            (local.set $b3 (f64x2.add (local.get $b3) (f64x2.mul (local.get $wb) (local.get $e))))
            (local.set $q (i32.add (local.get $q) (local.get $row)))
            (local.set $t (i32.add (local.get $t) (i32.const 8)))
            (br_if $neuron (i32.lt_u (local.get $t) (local.get $tEnd)))))
        (local.set $q (i32.add (local.get $dFrom) (local.get $i)))
        (v128.store (local.get $q) (local.get $a0))
        (v128.store offset=16 (local.get $q) (local.get $b0))
        (local.set $q (i32.add (local.get $q) (local.get $stride)))
        (v128.store (local.get $q) (local.get $a1))
        (v128.store offset=16 (local.get $q) (local.get $b1))
        (local.set $q (i32.add (local.get $q) (local.get $stride)))
        (v128.store (local.get $q) (local.get $a2))
        (v128.store offset=16 (local.get $q) (local.get $b2))
        (local.set $q (i32.add (local.get $q) (local.get $stride)))
        (v128.store (local.get $q) (local.get $a3))
        (v128.store offset=16 (local.get $q) (local.get $b3))
        (local.set $i (i32.add (local.get $i) (i32.const 32)))
        (br $four)))
    ;; Then one input at a time, in scalars.
    (block $ones
      (loop $one
        (br_if $ones (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $f0 (f64.const 0)) (local.set $f1 (f64.const 0))
        (local.set $f2 (f64.const 0)) (local.set $f3 (f64.const 0))
        (local.set $q (i32.add (local.get $w) (local.get $i)))
        (local.set $t (local.get $dTo))
        (block $done
          (br_if $done (i32.ge_u (local.get $t) (local.get $tEnd)))
          (loop $neuron
            (local.set $v (f64.load (local.get $q)))
            (local.set $f0 (f64.add (local.get $f0) (f64.mul (local.get $v) (f64.load (local.get $t)))))
            (local.set $f1 (f64.add (local.get $f1)
              (f64.mul (local.get $v) (f64.load (i32.add (local.get $t) (local.get $stride))))))
            (local.set $f2 (f64.add (local.get $f2)
              (f64.mul (local.get $v) (f64.load (i32.add (local.get $t) (local.get $s2))))))
            (local.set $f3 (f64.add (local.get $f3)
              (f64.mul (local.get $v) (f64.load (i32.add (local.get $t) (local.get $s3))))))
            (local.set $q (i32.add (local.get $q) (local.get $row)))
            (local.set $t (i32.add (local.get $t) (i32.const 8)))
            (br_if $neuron (i32.lt_u (local.get $t) (local.get $tEnd)))))
        (local.set $q (i32.add (local.get $dFrom) (local.get $i)))
        (f64.store (local.get $q) (local.get $f0))
        (f64.store (i32.add (local.get $q) (local.get $stride)) (local.get $f1))
        (f64.store (i32.add (local.get $q) (local.get $s2)) (local.get $f2))
        (f64.store (i32.add (local.get $q) (local.get $s3)) (local.get $f3))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $one)))))

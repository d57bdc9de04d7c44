;; The dense layers' inner loops in WebAssembly SIMD (f64x2), for Backprop on large networks.
;;
;; Each function computes exactly the sums the JavaScript kernels of src/kernels.ts compute,
;; adding the same products in the same order, so both paths give the same bits: a lane of
;; an f64x2 holds one output (one sample's sum, or one weight's gradient), never a partial
;; sum of one output, and there is no fused multiply-add. What differs is how many outputs
;; advance at once.
;;
;; forwardNetwork and backwardNetwork run a stretch of a network's layers for a whole group of
;; samples in one call, with the activations whose arithmetic is written out here (linear,
;; tanh as src/tanh.ts, ReLU); a stretch ends at a layer whose activation JavaScript applies.
;; descend is SGD's update of every parameter, on the kernels' copy of them.
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
  (func $weightedSumsOfFour
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
  (func $weightedSums
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
  (func $addScaledRows
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
  (func $backpropagateFour
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
        (br $one))))
  ;; backpropagateOne: dFrom[i] = ((0 + w[0][i]·dTo[0]) + w[1][i]·dTo[1]) + … over the m
  ;; neurons of the next layer, for one sample. Two inputs per v128; the last (n odd) alone.
  (func $backpropagateOne (param $w i32) (param $n i32) (param $m i32) (param $dFrom i32) (param $dTo i32)
    (local $row i32) (local $i i32) (local $q i32) (local $t i32) (local $tEnd i32)
    (local $a v128) (local $f f64)
    (local.set $row (i32.shl (local.get $n) (i32.const 3)))
    (local.set $tEnd (i32.add (local.get $dTo) (i32.shl (local.get $m) (i32.const 3))))
    (block $pairs
      (loop $pair
        (br_if $pairs (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $row)))
        (local.set $a (v128.const i64x2 0 0))
        (local.set $q (i32.add (local.get $w) (local.get $i)))
        (local.set $t (local.get $dTo))
        (block $done
          (br_if $done (i32.ge_u (local.get $t) (local.get $tEnd)))
          (loop $neuron
            (local.set $a (f64x2.add (local.get $a) (f64x2.mul (v128.load (local.get $q)) (v128.load64_splat (local.get $t)))))
            (local.set $q (i32.add (local.get $q) (local.get $row)))
            (local.set $t (i32.add (local.get $t) (i32.const 8)))
            (br_if $neuron (i32.lt_u (local.get $t) (local.get $tEnd)))))
        (v128.store (i32.add (local.get $dFrom) (local.get $i)) (local.get $a))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $pair)))
    (if (i32.lt_u (local.get $i) (local.get $row))
      (then
        (local.set $f (f64.const 0))
        (local.set $q (i32.add (local.get $w) (local.get $i)))
        (local.set $t (local.get $dTo))
        (block $done
          (br_if $done (i32.ge_u (local.get $t) (local.get $tEnd)))
          (loop $neuron
            (local.set $f (f64.add (local.get $f) (f64.mul (f64.load (local.get $q)) (f64.load (local.get $t)))))
            (local.set $q (i32.add (local.get $q) (local.get $row)))
            (local.set $t (i32.add (local.get $t) (i32.const 8)))
            (br_if $neuron (i32.lt_u (local.get $t) (local.get $tEnd)))))
        (f64.store (i32.add (local.get $dFrom) (local.get $i)) (local.get $f)))))

  ;; e^y for 0 ≤ y < 44, as src/tanh.ts's exp: y = k·ln 2 + r, a rational approximation
  ;; of e^r, times 2^k (built from its exponent bits, exactly the table's power of two).
  (func $exp (param $y f64) (result f64)
    (local $k f64) (local $hi f64) (local $lo f64) (local $r f64) (local $t f64) (local $c f64)
    (local.set $k (f64.sub (f64.add (f64.mul (local.get $y) (f64.const 1.44269504088896338700)) (f64.const 6755399441055744))
      (f64.const 6755399441055744)))
    (local.set $hi (f64.sub (local.get $y) (f64.mul (local.get $k) (f64.const 6.93147180369123816490e-1))))
    (local.set $lo (f64.mul (local.get $k) (f64.const 1.90821492927058770002e-10)))
    (local.set $r (f64.sub (local.get $hi) (local.get $lo)))
    (local.set $t (f64.mul (local.get $r) (local.get $r)))
    (local.set $c (f64.sub (local.get $r) (f64.mul (local.get $t)
      (f64.add (f64.const 1.66666666666666019037e-1) (f64.mul (local.get $t)
      (f64.add (f64.const -2.77777777770155933842e-3) (f64.mul (local.get $t)
      (f64.add (f64.const 6.61375632143793436117e-5) (f64.mul (local.get $t)
      (f64.add (f64.const -1.65339022054652515390e-6) (f64.mul (local.get $t) (f64.const 4.13813679705723846039e-8))))))))))))
    (f64.mul
      (f64.sub (f64.const 1)
        (f64.sub (f64.sub (local.get $lo) (f64.div (f64.mul (local.get $r) (local.get $c)) (f64.sub (f64.const 2) (local.get $c))))
          (local.get $hi)))
      (f64.reinterpret_i64 (i64.shl (i64.add (i64.trunc_f64_s (local.get $k)) (i64.const 1023)) (i64.const 52)))))

  ;; tanh as src/tanh.ts computes it, step for step.
  (func $tanh (param $x f64) (result f64)
    (local $a f64) (local $s f64) (local $t f64)
    (local.set $a (f64.abs (local.get $x)))
    (if (f64.lt (local.get $a) (f64.const 3.7e-9)) (then (return (local.get $x))))
    (if (f64.lt (local.get $a) (f64.const 0.625))
      (then
        (local.set $s (f64.mul (local.get $x) (local.get $x)))
        (return (f64.add (local.get $x)
          (f64.div
            (f64.mul (f64.mul (local.get $x) (local.get $s))
              (f64.sub (f64.mul (f64.sub (f64.mul (f64.const -9.64399179425052238628e-1) (local.get $s)) (f64.const 9.92877231001918586564e1))
                (local.get $s)) (f64.const 1.61468768441708447952e3)))
            (f64.add (f64.mul (f64.add (f64.mul (f64.add (local.get $s) (f64.const 1.12811678491632931402e2)) (local.get $s))
              (f64.const 2.23548839060100448583e3)) (local.get $s)) (f64.const 4.84406305325125486048e3)))))))
    (if (i32.eqz (f64.lt (local.get $a) (f64.const 22)))
      (then (return (select (f64.copysign (f64.const 1) (local.get $x)) (local.get $x) (f64.eq (local.get $a) (local.get $a))))))
    (local.set $t (f64.sub (f64.const 1)
      (f64.div (f64.const 2) (f64.add (call $exp (f64.mul (f64.const 2) (local.get $a))) (f64.const 1)))))
    (select (f64.neg (local.get $t)) (local.get $t) (f64.lt (local.get $x) (f64.const 0))))

  ;; y[i] = f(z[i]) for i < n: $kind 1 linear, 2 tanh, 3 ReLU (z > 0 ? z : 0).
  (func $activate (param $kind i32) (param $z i32) (param $y i32) (param $n i32)
    (local $end i32) (local $v f64)
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (br_if $done (i32.ge_u (local.get $z) (local.get $end)))
      (loop $next
        (local.set $v (f64.load (local.get $z)))
        (f64.store (local.get $y)
          (if (result f64) (i32.eq (local.get $kind) (i32.const 2))
            (then (call $tanh (local.get $v)))
            (else (if (result f64) (i32.eq (local.get $kind) (i32.const 3))
              (then (select (local.get $v) (f64.const 0) (f64.gt (local.get $v) (f64.const 0))))
              (else (local.get $v))))))
        (local.set $z (i32.add (local.get $z) (i32.const 8)))
        (local.set $y (i32.add (local.get $y) (i32.const 8)))
        (br_if $next (i32.lt_u (local.get $z) (local.get $end))))))

  ;; d[i] *= f′(z[i], y[i]) for i < n, $kind as $activate's: 1, 1 − y², or (z > 0 ? 1 : 0).
  (func $slope (param $kind i32) (param $z i32) (param $y i32) (param $d i32) (param $n i32)
    (local $end i32) (local $v f64)
    (local.set $end (i32.add (local.get $d) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (br_if $done (i32.ge_u (local.get $d) (local.get $end)))
      (loop $next
        (local.set $v (f64.load (local.get $y)))
        (f64.store (local.get $d)
          (f64.mul (f64.load (local.get $d))
            (if (result f64) (i32.eq (local.get $kind) (i32.const 2))
              (then (f64.sub (f64.const 1) (f64.mul (local.get $v) (local.get $v))))
              (else (if (result f64) (i32.eq (local.get $kind) (i32.const 3))
                (then (select (f64.const 1) (f64.const 0) (f64.gt (f64.load (local.get $z)) (f64.const 0))))
                (else (f64.const 1)))))))
        (local.set $z (i32.add (local.get $z) (i32.const 8)))
        (local.set $y (i32.add (local.get $y) (i32.const 8)))
        (local.set $d (i32.add (local.get $d) (i32.const 8)))
        (br_if $next (i32.lt_u (local.get $d) (local.get $end))))))

  ;; src/kernels.ts's forwardSamples for one layer of `size` samples (sample g at g·stride):
  ;; four samples at a time (neurons in pairs, an odd last one in dot's order), then one at a
  ;; time in dot's order; then $activate when $kind is not 0 (0: JavaScript applies it).
  ;; $x points at sample 0's inputs, $z and $y at its sums and activations of this layer.
  (func $forwardLayer
    (param $w i32) (param $b i32) (param $n i32) (param $m i32) (param $x i32) (param $z i32) (param $y i32)
    (param $stride i32) (param $size i32) (param $x4 i32) (param $kind i32)
    (local $g i32) (local $s i32) (local $at i32) (local $last i32) (local $paired i32)
    (local.set $paired (i32.and (local.get $m) (i32.const -2)))
    (local.set $last (i32.sub (local.get $m) (i32.const 1)))
    (block $fours
      (loop $four
        (br_if $fours (i32.gt_u (i32.add (local.get $g) (i32.const 4)) (local.get $size)))
        (local.set $at (i32.mul (local.get $g) (local.get $stride)))
        (if (local.get $paired)
          (then
            (call $weightedSumsOfFour (local.get $w) (local.get $b) (local.get $n) (local.get $paired)
              (i32.add (local.get $x) (local.get $at)) (i32.add (local.get $z) (local.get $at)) (local.get $stride) (local.get $x4))))
        (if (i32.ne (local.get $paired) (local.get $m))
          (then
            (local.set $s (i32.const 0))
            (loop $sample
              (call $weightedSums
                (i32.add (local.get $w) (i32.shl (i32.mul (local.get $last) (local.get $n)) (i32.const 3)))
                (i32.add (local.get $b) (i32.shl (local.get $last) (i32.const 3)))
                (local.get $n) (i32.const 1) (i32.add (local.get $x) (local.get $at))
                (i32.add (i32.add (local.get $z) (local.get $at)) (i32.shl (local.get $last) (i32.const 3))))
              (local.set $at (i32.add (local.get $at) (local.get $stride)))
              (local.set $s (i32.add (local.get $s) (i32.const 1)))
              (br_if $sample (i32.lt_u (local.get $s) (i32.const 4))))))
        (local.set $g (i32.add (local.get $g) (i32.const 4)))
        (br $four)))
    (block $ones
      (loop $one
        (br_if $ones (i32.ge_u (local.get $g) (local.get $size)))
        (local.set $at (i32.mul (local.get $g) (local.get $stride)))
        (call $weightedSums (local.get $w) (local.get $b) (local.get $n) (local.get $m)
          (i32.add (local.get $x) (local.get $at)) (i32.add (local.get $z) (local.get $at)))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $one)))
    (if (local.get $kind)
      (then
        (local.set $g (i32.const 0))
        (block $done
          (loop $each
            (br_if $done (i32.ge_u (local.get $g) (local.get $size)))
            (local.set $at (i32.mul (local.get $g) (local.get $stride)))
            (call $activate (local.get $kind) (i32.add (local.get $z) (local.get $at)) (i32.add (local.get $y) (local.get $at)) (local.get $m))
            (local.set $g (i32.add (local.get $g) (i32.const 1)))
            (br $each))))))

  ;; backwardLayer's gradients for one sample: bias gradient j += d[j] (+ 0 when it is 0, as
  ;; the JavaScript sum over no sample adds), and row j of the weight gradients += d[j] · x when
  ;; d[j] is not 0. $x points at the sample's inputs to the layer, $dTo at its deltas there.
  (func $gradientsOfOne (param $wg i32) (param $bg i32) (param $n i32) (param $m i32) (param $x i32) (param $dTo i32)
    (local $row i32) (local $end i32) (local $i i32) (local $d f64) (local $dd v128)
    (local.set $row (i32.shl (local.get $n) (i32.const 3)))
    (local.set $end (i32.add (local.get $bg) (i32.shl (local.get $m) (i32.const 3))))
    (block $done
      (br_if $done (i32.ge_u (local.get $bg) (local.get $end)))
      (loop $neuron
        (local.set $d (f64.load (local.get $dTo)))
        (if (f64.ne (local.get $d) (f64.const 0))
          (then
            (f64.store (local.get $bg) (f64.add (f64.load (local.get $bg)) (local.get $d)))
            (local.set $dd (f64x2.splat (local.get $d)))
            (local.set $i (i32.const 0))
            (block $pairs
              (loop $pair
                (br_if $pairs (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $row)))
                (v128.store (i32.add (local.get $wg) (local.get $i))
                  (f64x2.add (v128.load (i32.add (local.get $wg) (local.get $i)))
                    (f64x2.mul (local.get $dd) (v128.load (i32.add (local.get $x) (local.get $i))))))
                (local.set $i (i32.add (local.get $i) (i32.const 16)))
                (br $pair)))
            (if (i32.lt_u (local.get $i) (local.get $row))
              (then
                (f64.store (i32.add (local.get $wg) (local.get $i))
                  (f64.add (f64.load (i32.add (local.get $wg) (local.get $i)))
                    (f64.mul (local.get $d) (f64.load (i32.add (local.get $x) (local.get $i))))))))
          )
          (else (f64.store (local.get $bg) (f64.add (f64.load (local.get $bg)) (f64.const 0)))))
        (local.set $bg (i32.add (local.get $bg) (i32.const 8)))
        (local.set $dTo (i32.add (local.get $dTo) (i32.const 8)))
        (local.set $wg (i32.add (local.get $wg) (local.get $row)))
        (br_if $neuron (i32.lt_u (local.get $bg) (local.get $end))))))

  ;; src/kernels.ts's backwardSamples for one layer of `size` samples whose deltas at this
  ;; layer ($to) are known: for each neuron j, the samples with a non-zero delta add it to
  ;; bias gradient j and their inputs times it to row j of the weight gradients ($starts and
  ;; $deltas are room for them); then, when $kind ≥ 0, the deltas pass back to the layer
  ;; below ($from), four samples at a time, then one at a time, and $slope applies its
  ;; activation's derivative when $kind is not 0 (0: JavaScript applies it). $from and $to
  ;; are byte offsets within a sample; $values, $sums and $delta point at sample 0.
  (func $backwardLayer
    (param $wg i32) (param $bg i32) (param $w i32) (param $n i32) (param $m i32)
    (param $values i32) (param $sums i32) (param $delta i32) (param $from i32) (param $to i32)
    (param $stride i32) (param $size i32) (param $starts i32) (param $deltas i32) (param $kind i32)
    (local $j i32) (local $g i32) (local $at i32) (local $active i32) (local $d f64) (local $sum f64) (local $p i32)
    ;; One sample needs no list of the samples with a non-zero delta.
    (if (i32.eq (local.get $size) (i32.const 1))
      (then
        (call $gradientsOfOne (local.get $wg) (local.get $bg) (local.get $n) (local.get $m)
          (i32.add (local.get $values) (local.get $from)) (i32.add (local.get $delta) (local.get $to)))
        (local.set $j (local.get $m))))
    (block $neurons
      (loop $neuron
        (br_if $neurons (i32.ge_u (local.get $j) (local.get $m)))
        (local.set $active (i32.const 0))
        (local.set $sum (f64.const 0))
        (local.set $p (i32.add (i32.add (local.get $delta) (local.get $to)) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $at (local.get $from))
        (local.set $g (i32.const 0))
        (block $done
          (br_if $done (i32.eqz (local.get $size)))
          (loop $sample
            (local.set $d (f64.load (local.get $p)))
            (if (f64.ne (local.get $d) (f64.const 0))
              (then
                (i32.store (i32.add (local.get $starts) (i32.shl (local.get $active) (i32.const 2))) (i32.shr_u (local.get $at) (i32.const 3)))
                (f64.store (i32.add (local.get $deltas) (i32.shl (local.get $active) (i32.const 3))) (local.get $d))
                (local.set $sum (f64.add (local.get $sum) (local.get $d)))
                (local.set $active (i32.add (local.get $active) (i32.const 1)))))
            (local.set $p (i32.add (local.get $p) (local.get $stride)))
            (local.set $at (i32.add (local.get $at) (local.get $stride)))
            (local.set $g (i32.add (local.get $g) (i32.const 1)))
            (br_if $sample (i32.lt_u (local.get $g) (local.get $size)))))
        (local.set $p (i32.add (local.get $bg) (i32.shl (local.get $j) (i32.const 3))))
        (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $sum)))
        (if (local.get $active)
          (then
            (call $addScaledRows (i32.add (local.get $wg) (i32.shl (i32.mul (local.get $j) (local.get $n)) (i32.const 3)))
              (local.get $n) (local.get $values) (local.get $starts) (local.get $deltas) (local.get $active))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $neuron)))
    (if (i32.lt_s (local.get $kind) (i32.const 0)) (then (return)))
    (local.set $g (i32.const 0))
    (block $fours
      (loop $four
        (br_if $fours (i32.gt_u (i32.add (local.get $g) (i32.const 4)) (local.get $size)))
        (local.set $at (i32.add (local.get $delta) (i32.mul (local.get $g) (local.get $stride))))
        (call $backpropagateFour (local.get $w) (local.get $n) (local.get $m)
          (i32.add (local.get $at) (local.get $from)) (i32.add (local.get $at) (local.get $to)) (local.get $stride))
        (local.set $g (i32.add (local.get $g) (i32.const 4)))
        (br $four)))
    (block $ones
      (loop $one
        (br_if $ones (i32.ge_u (local.get $g) (local.get $size)))
        (local.set $at (i32.add (local.get $delta) (i32.mul (local.get $g) (local.get $stride))))
        (call $backpropagateOne (local.get $w) (local.get $n) (local.get $m)
          (i32.add (local.get $at) (local.get $from)) (i32.add (local.get $at) (local.get $to)))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $one)))
    (if (local.get $kind)
      (then
        (local.set $g (i32.const 0))
        (block $done
          (loop $each
            (br_if $done (i32.ge_u (local.get $g) (local.get $size)))
            (local.set $at (i32.add (i32.mul (local.get $g) (local.get $stride)) (local.get $from)))
            (call $slope (local.get $kind) (i32.add (local.get $sums) (local.get $at)) (i32.add (local.get $values) (local.get $at))
              (i32.add (local.get $delta) (local.get $at)) (local.get $n))
            (local.set $g (i32.add (local.get $g) (i32.const 1)))
            (br $each))))))

  ;; optimizers.ts's sgd on $n parameters: p[i] −= rate · g[i], two at a time. Returns 1 when
  ;; every parameter stays finite (p·0 = 0 for each), as sgd's sum of p[i]·0 decides.
  (func (export "descend") (param $p i32) (param $g i32) (param $n i32) (param $rate f64) (result i32)
    (local $end i32) (local $pairs i32) (local $r v128) (local $v v128) (local $finite v128) (local $last f64)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $pairs (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (local.set $r (f64x2.splat (local.get $rate)))
    (local.set $finite (v128.const i64x2 -1 -1))
    (block $done
      (br_if $done (i32.ge_u (local.get $p) (local.get $pairs)))
      (loop $pair
        (local.set $v (f64x2.sub (v128.load (local.get $p)) (f64x2.mul (local.get $r) (v128.load (local.get $g)))))
        (v128.store (local.get $p) (local.get $v))
        (local.set $finite (v128.and (local.get $finite)
          (f64x2.eq (f64x2.mul (local.get $v) (v128.const f64x2 0 0)) (v128.const f64x2 0 0))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $g (i32.add (local.get $g) (i32.const 16)))
        (br_if $pair (i32.lt_u (local.get $p) (local.get $pairs)))))
    (if (i32.lt_u (local.get $p) (local.get $end))
      (then
        (local.set $last (f64.sub (f64.load (local.get $p)) (f64.mul (local.get $rate) (f64.load (local.get $g)))))
        (f64.store (local.get $p) (local.get $last))
        (local.set $finite (v128.and (local.get $finite)
          (f64x2.eq (f64x2.splat (f64.mul (local.get $last) (f64.const 0))) (v128.const f64x2 0 0))))))
    (i64x2.all_true (local.get $finite)))

  ;; $forwardLayer for the count layers whose plan entries start at $plan, in one call: a
  ;; layer's entry is seven i32s (weights' and biases' byte offsets from $weights and $biases, n, m,
  ;; the byte offsets of its inputs and of its neurons within a sample, and its activation's
  ;; code). $values and $sums point at sample 0's.
  (func (export "forwardNetwork")
    (param $plan i32) (param $count i32) (param $weights i32) (param $biases i32) (param $values i32) (param $sums i32)
    (param $stride i32) (param $size i32) (param $x4 i32)
    (local $end i32) (local $to i32)
    (local.set $end (i32.add (local.get $plan) (i32.mul (local.get $count) (i32.const 28))))
    (block $done
      (br_if $done (i32.ge_u (local.get $plan) (local.get $end)))
      (loop $layer
        (local.set $to (i32.load offset=20 (local.get $plan)))
        (call $forwardLayer
          (i32.add (local.get $weights) (i32.load (local.get $plan)))
          (i32.add (local.get $biases) (i32.load offset=4 (local.get $plan)))
          (i32.load offset=8 (local.get $plan))
          (i32.load offset=12 (local.get $plan))
          (i32.add (local.get $values) (i32.load offset=16 (local.get $plan)))
          (i32.add (local.get $sums) (local.get $to))
          (i32.add (local.get $values) (local.get $to))
          (local.get $stride) (local.get $size) (local.get $x4)
          (i32.load offset=24 (local.get $plan)))
        (local.set $plan (i32.add (local.get $plan) (i32.const 28)))
        (br_if $layer (i32.lt_u (local.get $plan) (local.get $end))))))

  ;; $backwardLayer for the same count layers, last to first, in one call: each layer's deltas
  ;; pass through the derivative of the activation of the layer below (its plan entry's code);
  ;; below the first, $below says what to do: −1 pass none (layer 0), 0 pass them for
  ;; JavaScript to apply the derivative, or that layer's code.
  (func (export "backwardNetwork")
    (param $plan i32) (param $count i32) (param $weights i32) (param $wg i32) (param $bg i32)
    (param $values i32) (param $sums i32) (param $delta i32) (param $stride i32) (param $size i32)
    (param $starts i32) (param $deltas i32) (param $below i32)
    (local $entry i32)
    (local.set $entry (i32.add (local.get $plan) (i32.mul (local.get $count) (i32.const 28))))
    (block $done
      (br_if $done (i32.le_u (local.get $entry) (local.get $plan)))
      (loop $layer
        (local.set $entry (i32.sub (local.get $entry) (i32.const 28)))
        (call $backwardLayer
          (i32.add (local.get $wg) (i32.load (local.get $entry)))
          (i32.add (local.get $bg) (i32.load offset=4 (local.get $entry)))
          (i32.add (local.get $weights) (i32.load (local.get $entry)))
          (i32.load offset=8 (local.get $entry))
          (i32.load offset=12 (local.get $entry))
          (local.get $values) (local.get $sums) (local.get $delta)
          (i32.load offset=16 (local.get $entry))
          (i32.load offset=20 (local.get $entry))
          (local.get $stride) (local.get $size) (local.get $starts) (local.get $deltas)
          (if (result i32) (i32.gt_u (local.get $entry) (local.get $plan))
            (then (i32.load offset=24 (i32.sub (local.get $entry) (i32.const 28))))
            (else (local.get $below))))
        (br_if $layer (i32.gt_u (local.get $entry) (local.get $plan))))))
)

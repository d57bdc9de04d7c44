;; The small CNN's loops (src/cnn.ts) in WebAssembly SIMD (f64x2): the convolution forward
;; and backward, ReLU, max pooling, and the dense layer forward and backward.
;;
;; Each computes exactly what the JavaScript loops compute, adding the same products in the
;; same order with no fused multiply-add, so both paths give the same bits: a lane of an
;; f64x2 holds one output (a pixel, a class's sum), never a partial sum of one. What differs
;; is how many outputs advance at once.
;;
;; Every pointer is a byte offset into the imported memory.
;; Build: `node scripts/build-wasm.mjs` writes src/wasm/cnn-bytes.ts from this file.
(module
  (import "env" "memory" (memory 1))

  ;; output = input ⋆ weights + bias (conv2dForward of src/conv2d.ts). $shape points at ten
  ;; i32s: channels, height, width, filters, kernel height, kernel width, stride, padding,
  ;; output height, output width. $six is room for six filters' biases, then their kernels,
  ;; side by side (48 bytes each). $kinds..$kindsEnd, $tapLists and $pixels are the plan of
  ;; src/wasm/conv-plan.ts: the output pixels by kind, each kind's taps inside the image, and
  ;; each pixel's place.
  ;; Each output pixel sums in registers, six filters at a time, two per vector, one per lane:
  ;; its bias, then kernel × input down its kind's taps — the taps JavaScript adds, in its
  ;; order. Two pixels of a kind advance together. Where fewer filters or pixels are left, the
  ;; last ones are worked out again (the last filter in the lanes past it, a kind's last two
  ;; pixels overlapping the two before, a lone pixel in both places): the same numbers,
  ;; written to the same places twice.
  (func (export "convForward") (param $shape i32) (param $input i32) (param $weights i32) (param $bias i32) (param $output i32)
    (param $six i32) (param $kinds i32) (param $kindsEnd i32) (param $tapLists i32) (param $pixels i32)
    (local $filters i32) (local $taps i32) (local $plane i32) (local $group i32) (local $k i32) (local $f i32) (local $i i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $o4 i32) (local $o5 i32)
    (local $kind i32) (local $list i32) (local $listEnd i32) (local $p i32) (local $second i32) (local $left i32) (local $t i32)
    (local $o i32) (local $in0 i32) (local $in1 i32) (local $at i32)
    (local $x0 v128) (local $x1 v128) (local $w0 v128) (local $w1 v128) (local $w2 v128)
    (local $s00 v128) (local $s01 v128) (local $s02 v128) (local $s10 v128) (local $s11 v128) (local $s12 v128)
    (local.set $filters (i32.load offset=12 (local.get $shape)))
    (local.set $taps (i32.mul (i32.load (local.get $shape)) (i32.mul (i32.load offset=16 (local.get $shape)) (i32.load offset=20 (local.get $shape)))))
    (local.set $plane (i32.shl (i32.mul (i32.load offset=32 (local.get $shape)) (i32.load offset=36 (local.get $shape))) (i32.const 3)))
    (local.set $group (i32.const 0))
    (loop $eachGroup
      ;; Filter group + k's bias and kernel into lane k of $six (the last filter past the end).
      (local.set $k (i32.const 0))
      (loop $lane
        (local.set $f (call $filterOf (local.get $group) (local.get $k) (local.get $filters)))
        (f64.store (i32.add (local.get $six) (i32.shl (local.get $k) (i32.const 3)))
          (f64.load (i32.add (local.get $bias) (i32.shl (local.get $f) (i32.const 3)))))
        (local.set $i (i32.const 0))
        (loop $tap
          (f64.store offset=48 (i32.add (local.get $six) (i32.shl (i32.add (i32.mul (local.get $i) (i32.const 6)) (local.get $k)) (i32.const 3)))
            (f64.load (i32.add (local.get $weights) (i32.shl (i32.add (i32.mul (local.get $f) (local.get $taps)) (local.get $i)) (i32.const 3)))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $tap (i32.lt_u (local.get $i) (local.get $taps))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $lane (i32.lt_u (local.get $k) (i32.const 6))))
      (local.set $o0 (i32.add (local.get $output) (i32.mul (call $filterOf (local.get $group) (i32.const 0) (local.get $filters)) (local.get $plane))))
      (local.set $o1 (i32.add (local.get $output) (i32.mul (call $filterOf (local.get $group) (i32.const 1) (local.get $filters)) (local.get $plane))))
      (local.set $o2 (i32.add (local.get $output) (i32.mul (call $filterOf (local.get $group) (i32.const 2) (local.get $filters)) (local.get $plane))))
      (local.set $o3 (i32.add (local.get $output) (i32.mul (call $filterOf (local.get $group) (i32.const 3) (local.get $filters)) (local.get $plane))))
      (local.set $o4 (i32.add (local.get $output) (i32.mul (call $filterOf (local.get $group) (i32.const 4) (local.get $filters)) (local.get $plane))))
      (local.set $o5 (i32.add (local.get $output) (i32.mul (call $filterOf (local.get $group) (i32.const 5) (local.get $filters)) (local.get $plane))))
      (local.set $kind (local.get $kinds))
      (loop $eachKind
        (local.set $list (i32.add (local.get $tapLists) (i32.load (local.get $kind))))
        (local.set $listEnd (i32.add (local.get $list) (i32.shl (i32.load offset=4 (local.get $kind)) (i32.const 3))))
        (local.set $p (i32.add (local.get $pixels) (i32.load offset=8 (local.get $kind))))
        (local.set $left (i32.load offset=12 (local.get $kind)))
        (loop $twoPixels
          ;; $second: the bytes from the first pixel's record to the second's (0: a lone pixel in both).
          (local.set $second (select (i32.const 8) (i32.const 0) (i32.ge_s (local.get $left) (i32.const 2))))
          (local.set $in0 (i32.add (local.get $input) (i32.load offset=4 (local.get $p))))
          (local.set $in1 (i32.add (local.get $input) (i32.load offset=4 (i32.add (local.get $p) (local.get $second)))))
          (local.set $s00 (v128.load (local.get $six)))
          (local.set $s01 (v128.load offset=16 (local.get $six)))
          (local.set $s02 (v128.load offset=32 (local.get $six)))
          (local.set $s10 (local.get $s00))
          (local.set $s11 (local.get $s01))
          (local.set $s12 (local.get $s02))
          (local.set $t (local.get $list))
          (block $tapsDone
            (br_if $tapsDone (i32.ge_u (local.get $t) (local.get $listEnd)))
            (loop $eachTap
              (local.set $at (i32.add (local.get $six) (i32.load (local.get $t))))
              (local.set $o (i32.load offset=4 (local.get $t)))
              (local.set $x0 (v128.load64_splat (i32.add (local.get $in0) (local.get $o))))
              (local.set $x1 (v128.load64_splat (i32.add (local.get $in1) (local.get $o))))
              (local.set $w1 (v128.load offset=64 (local.get $at)))
              (local.set $w2 (v128.load offset=80 (local.get $at)))
              (local.set $w0 (v128.load offset=48 (local.get $at)))
              (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $w0) (local.get $x0))))
              (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $w1) (local.get $x0))))
              (local.set $s02 (f64x2.add (local.get $s02) (f64x2.mul (local.get $w2) (local.get $x0))))
              (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $w0) (local.get $x1))))
              (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $w1) (local.get $x1))))
              (local.set $s12 (f64x2.add (local.get $s12) (f64x2.mul (local.get $w2) (local.get $x1))))
              (local.set $t (i32.add (local.get $t) (i32.const 8)))
              (br_if $eachTap (i32.lt_u (local.get $t) (local.get $listEnd)))))
          (local.set $at (i32.load (local.get $p)))
          (f64.store (i32.add (local.get $o0) (local.get $at)) (f64x2.extract_lane 0 (local.get $s00)))
          (f64.store (i32.add (local.get $o1) (local.get $at)) (f64x2.extract_lane 1 (local.get $s00)))
          (f64.store (i32.add (local.get $o2) (local.get $at)) (f64x2.extract_lane 0 (local.get $s01)))
          (f64.store (i32.add (local.get $o3) (local.get $at)) (f64x2.extract_lane 1 (local.get $s01)))
          (f64.store (i32.add (local.get $o4) (local.get $at)) (f64x2.extract_lane 0 (local.get $s02)))
          (f64.store (i32.add (local.get $o5) (local.get $at)) (f64x2.extract_lane 1 (local.get $s02)))
          (local.set $at (i32.load (i32.add (local.get $p) (local.get $second))))
          (f64.store (i32.add (local.get $o0) (local.get $at)) (f64x2.extract_lane 0 (local.get $s10)))
          (f64.store (i32.add (local.get $o1) (local.get $at)) (f64x2.extract_lane 1 (local.get $s10)))
          (f64.store (i32.add (local.get $o2) (local.get $at)) (f64x2.extract_lane 0 (local.get $s11)))
          (f64.store (i32.add (local.get $o3) (local.get $at)) (f64x2.extract_lane 1 (local.get $s11)))
          (f64.store (i32.add (local.get $o4) (local.get $at)) (f64x2.extract_lane 0 (local.get $s12)))
          (f64.store (i32.add (local.get $o5) (local.get $at)) (f64x2.extract_lane 1 (local.get $s12)))
          ;; On by two pixels, or by one to end the kind with two that overlap these.
          (local.set $left (i32.sub (local.get $left) (i32.const 2)))
          (if (i32.gt_s (local.get $left) (i32.const 0))
            (then
              (local.set $p (i32.add (local.get $p) (select (i32.const 16) (i32.const 8) (i32.ge_s (local.get $left) (i32.const 2)))))
              (if (i32.lt_s (local.get $left) (i32.const 2)) (then (local.set $left (i32.const 2))))
              (br $twoPixels))))
        (local.set $kind (i32.add (local.get $kind) (i32.const 16)))
        (br_if $eachKind (i32.lt_u (local.get $kind) (local.get $kindsEnd))))
      ;; The next six filters, or the last six, overlapping these.
      (if (i32.lt_u (i32.add (local.get $group) (i32.const 6)) (local.get $filters))
        (then
          (local.set $group (i32.add (local.get $group) (i32.const 6)))
          (if (i32.gt_u (i32.add (local.get $group) (i32.const 6)) (local.get $filters))
            (then (local.set $group (i32.sub (local.get $filters) (i32.const 6)))))
          (br $eachGroup)))))

  ;; Filter $group + $k, or the last filter if that is past it.
  (func $filterOf (param $group i32) (param $k i32) (param $filters i32) (result i32)
    (local.set $k (i32.add (local.get $group) (local.get $k)))
    (select (local.get $k) (i32.sub (local.get $filters) (i32.const 1)) (i32.lt_u (local.get $k) (local.get $filters))))

  ;; maxPoolForward of src/pool.ts: each window's largest value into $output and its index
  ;; (in doubles from $input) into $argmax; a NaN wins, the last NaN of a window. Two
  ;; neighbouring windows of a row at a time, one per lane (a row's odd last window in both).
  ;; Each window row is folded left to right, then the rows top to bottom: "the later wins if
  ;; it is larger or NaN" picks the same element however a window's elements are grouped, so
  ;; this is JavaScript's answer, index and all, with the rows' chains side by side. 2 × 2
  ;; windows, the common case, load each window row whole.
  (func (export "maxPool")
    (param $channels i32) (param $height i32) (param $width i32) (param $size i32) (param $stride i32)
    (param $outHeight i32) (param $outWidth i32) (param $input i32) (param $output i32) (param $argmax i32)
    (local $c i32) (local $oy i32) (local $ox i32) (local $ky i32) (local $kx i32) (local $base i32) (local $origin i32)
    (local $row i32) (local $at i32) (local $apart i32) (local $gap i32) (local $lanes v128)
    (local $v v128) (local $wins v128) (local $max v128) (local $best v128) (local $rowMax v128) (local $rowBest v128)
    (local $first v128) (local $second v128) (local $one v128) (local $down v128)
    (local.set $one (i64x2.splat (i64.const 1)))
    (local.set $down (i64x2.splat (i64.extend_i32_u (local.get $width))))
    (local.set $c (i32.const 0))
    (loop $channel
      (local.set $base (i32.mul (i32.mul (local.get $c) (local.get $height)) (local.get $width)))
      (local.set $oy (i32.const 0))
      (loop $outputRow
        (local.set $ox (i32.const 0))
        (loop $windowPair
          ;; $apart: how many doubles on the second lane's window starts (0 for a lone last window).
          (local.set $apart (select (local.get $stride) (i32.const 0) (i32.lt_u (i32.add (local.get $ox) (i32.const 1)) (local.get $outWidth))))
          (local.set $gap (i32.shl (local.get $apart) (i32.const 3)))
          (local.set $lanes (i64x2.replace_lane 1 (v128.const i64x2 0 0) (i64.extend_i32_u (local.get $apart))))
          (local.set $origin (i32.add (local.get $base)
            (i32.add (i32.mul (i32.mul (local.get $oy) (local.get $stride)) (local.get $width)) (i32.mul (local.get $ox) (local.get $stride)))))
          (if (i32.eq (local.get $size) (i32.const 2))
            (then
              ;; 2 × 2: a window row's two doubles come in one load, and a shuffle puts the two
              ;; windows' firsts in one vector and their seconds in another.
              (local.set $best (i64x2.add (i64x2.splat (i64.extend_i32_u (local.get $origin))) (local.get $lanes)))
              (local.set $rowBest (i64x2.add (local.get $best) (local.get $down)))
              (local.set $at (i32.add (local.get $input) (i32.shl (local.get $origin) (i32.const 3))))
              (local.set $first (v128.load (local.get $at)))
              (local.set $second (v128.load (i32.add (local.get $at) (local.get $gap))))
              (local.set $max (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $first) (local.get $second)))
              (local.set $v (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $first) (local.get $second)))
              (local.set $wins (v128.or (f64x2.gt (local.get $v) (local.get $max)) (f64x2.ne (local.get $v) (local.get $v))))
              (local.set $max (v128.bitselect (local.get $v) (local.get $max) (local.get $wins)))
              (local.set $best (v128.bitselect (i64x2.add (local.get $best) (local.get $one)) (local.get $best) (local.get $wins)))
              (local.set $at (i32.add (local.get $at) (i32.shl (local.get $width) (i32.const 3))))
              (local.set $first (v128.load (local.get $at)))
              (local.set $second (v128.load (i32.add (local.get $at) (local.get $gap))))
              (local.set $rowMax (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $first) (local.get $second)))
              (local.set $v (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $first) (local.get $second)))
              (local.set $wins (v128.or (f64x2.gt (local.get $v) (local.get $rowMax)) (f64x2.ne (local.get $v) (local.get $v))))
              (local.set $rowMax (v128.bitselect (local.get $v) (local.get $rowMax) (local.get $wins)))
              (local.set $rowBest (v128.bitselect (i64x2.add (local.get $rowBest) (local.get $one)) (local.get $rowBest) (local.get $wins)))
              (local.set $wins (v128.or (f64x2.gt (local.get $rowMax) (local.get $max)) (f64x2.ne (local.get $rowMax) (local.get $rowMax))))
              (local.set $max (v128.bitselect (local.get $rowMax) (local.get $max) (local.get $wins)))
              (local.set $best (v128.bitselect (local.get $rowBest) (local.get $best) (local.get $wins))))
            (else
              (local.set $max (v128.load64_lane 1 (i32.add (i32.add (local.get $input) (i32.shl (local.get $origin) (i32.const 3))) (local.get $gap)) (v128.load64_splat (i32.add (local.get $input) (i32.shl (local.get $origin) (i32.const 3))))))
              (local.set $best (i64x2.add (i64x2.splat (i64.extend_i32_u (local.get $origin))) (local.get $lanes)))
              (local.set $ky (i32.const 0))
              (loop $windowRow
                (local.set $row (i32.add (local.get $origin) (i32.mul (local.get $ky) (local.get $width))))
                (local.set $rowMax (v128.load64_lane 1 (i32.add (i32.add (local.get $input) (i32.shl (local.get $row) (i32.const 3))) (local.get $gap)) (v128.load64_splat (i32.add (local.get $input) (i32.shl (local.get $row) (i32.const 3))))))
                (local.set $rowBest (i64x2.add (i64x2.splat (i64.extend_i32_u (local.get $row))) (local.get $lanes)))
                (local.set $kx (i32.const 1))
                (block $rowDone
                  (loop $windowColumn
                    (br_if $rowDone (i32.ge_u (local.get $kx) (local.get $size)))
                    (local.set $at (i32.add (local.get $row) (local.get $kx)))
                    (local.set $v (v128.load64_lane 1 (i32.add (i32.add (local.get $input) (i32.shl (local.get $at) (i32.const 3))) (local.get $gap)) (v128.load64_splat (i32.add (local.get $input) (i32.shl (local.get $at) (i32.const 3))))))
                    (local.set $wins (v128.or (f64x2.gt (local.get $v) (local.get $rowMax)) (f64x2.ne (local.get $v) (local.get $v))))
                    (local.set $rowMax (v128.bitselect (local.get $v) (local.get $rowMax) (local.get $wins)))
                    (local.set $rowBest (v128.bitselect (i64x2.add (i64x2.splat (i64.extend_i32_u (local.get $at))) (local.get $lanes)) (local.get $rowBest) (local.get $wins)))
                    (local.set $kx (i32.add (local.get $kx) (i32.const 1)))
                    (br $windowColumn)))
                (local.set $wins (v128.or (f64x2.gt (local.get $rowMax) (local.get $max)) (f64x2.ne (local.get $rowMax) (local.get $rowMax))))
                (local.set $max (v128.bitselect (local.get $rowMax) (local.get $max) (local.get $wins)))
                (local.set $best (v128.bitselect (local.get $rowBest) (local.get $best) (local.get $wins)))
                (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
                (br_if $windowRow (i32.lt_u (local.get $ky) (local.get $size))))))
          (f64.store (local.get $output) (f64x2.extract_lane 0 (local.get $max)))
          (i32.store (local.get $argmax) (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $best))))
          (if (local.get $apart)
            (then
              (f64.store offset=8 (local.get $output) (f64x2.extract_lane 1 (local.get $max)))
              (i32.store offset=4 (local.get $argmax) (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $best))))
              (local.set $output (i32.add (local.get $output) (i32.const 8)))
              (local.set $argmax (i32.add (local.get $argmax) (i32.const 4)))
              (local.set $ox (i32.add (local.get $ox) (i32.const 1)))))
          (local.set $output (i32.add (local.get $output) (i32.const 8)))
          (local.set $argmax (i32.add (local.get $argmax) (i32.const 4)))
          (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
          (br_if $windowPair (i32.lt_u (local.get $ox) (local.get $outWidth))))
        (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
        (br_if $outputRow (i32.lt_u (local.get $oy) (local.get $outHeight))))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br_if $channel (i32.lt_u (local.get $c) (local.get $channels)))))

  ;; The dense layer's sums: z[k] = ((b[k] + w[k][0]·x[0]) + w[k][1]·x[1]) + … for k < m,
  ;; w row-major (n inputs a row). Two classes at a time, one per lane, and two such pairs
  ;; side by side while four classes remain; then a pair, and an odd last alone.
  (func (export "denseSums") (param $w i32) (param $b i32) (param $n i32) (param $m i32) (param $x i32) (param $z i32)
    (local $row i32) (local $end i32) (local $p i32) (local $q i32) (local $zEnd i32) (local $sum v128) (local $more v128) (local $xs v128) (local $one f64)
    (local $threeRows i32)
    (local.set $row (i32.shl (local.get $n) (i32.const 3)))
    (local.set $threeRows (i32.mul (local.get $row) (i32.const 3)))
    (local.set $end (i32.add (local.get $x) (local.get $row)))
    (local.set $zEnd (i32.add (local.get $z) (i32.shl (local.get $m) (i32.const 3))))
    (block $foursDone
      (loop $four
        (br_if $foursDone (i32.ge_u (i32.add (local.get $z) (i32.const 24)) (local.get $zEnd)))
        (local.set $sum (v128.load (local.get $b)))
        (local.set $more (v128.load offset=16 (local.get $b)))
        (local.set $p (local.get $x))
        (local.set $q (local.get $w))
        (block $done
          (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
          (loop $input
            (local.set $xs (v128.load64_splat (local.get $p)))
            (local.set $sum (f64x2.add (local.get $sum)
              (f64x2.mul (v128.load64_lane 1 (i32.add (local.get $q) (local.get $row)) (v128.load64_splat (local.get $q))) (local.get $xs))))
            (local.set $more (f64x2.add (local.get $more)
              (f64x2.mul
                (v128.load64_lane 1 (i32.add (local.get $q) (local.get $threeRows))
                  (v128.load64_splat (i32.add (local.get $q) (i32.shl (local.get $row) (i32.const 1)))))
                (local.get $xs))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (br_if $input (i32.lt_u (local.get $p) (local.get $end)))))
        (v128.store (local.get $z) (local.get $sum))
        (v128.store offset=16 (local.get $z) (local.get $more))
        (local.set $w (i32.add (local.get $w) (i32.shl (local.get $row) (i32.const 2))))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (local.set $z (i32.add (local.get $z) (i32.const 32)))
        (br $four)))
    (block $pairsDone
      (loop $pair
        (br_if $pairsDone (i32.ge_u (i32.add (local.get $z) (i32.const 8)) (local.get $zEnd)))
        (local.set $sum (v128.load (local.get $b)))
        (local.set $p (local.get $x))
        (local.set $q (local.get $w))
        (block $done
          (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
          (loop $input
            (local.set $sum (f64x2.add (local.get $sum)
              (f64x2.mul
                (f64x2.replace_lane 1 (v128.load64_splat (local.get $q)) (f64.load (i32.add (local.get $q) (local.get $row))))
                (v128.load64_splat (local.get $p)))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (br_if $input (i32.lt_u (local.get $p) (local.get $end)))))
        (v128.store (local.get $z) (local.get $sum))
        (local.set $w (i32.add (local.get $w) (i32.shl (local.get $row) (i32.const 1))))
        (local.set $b (i32.add (local.get $b) (i32.const 16)))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (br $pair)))
    (if (i32.lt_u (local.get $z) (local.get $zEnd))
      (then
        (local.set $one (f64.load (local.get $b)))
        (local.set $p (local.get $x))
        (local.set $q (local.get $w))
        (block $done
          (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
          (loop $input
            (local.set $one (f64.add (local.get $one) (f64.mul (f64.load (local.get $q)) (f64.load (local.get $p)))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (br_if $input (i32.lt_u (local.get $p) (local.get $end)))))
        (f64.store (local.get $z) (local.get $one)))))

  ;; conv2dBackward of src/conv2d.ts for a first layer (no gradient for the input): adds
  ;; ∂L/∂bias[f] = Σ g[f][i] and ∂L/∂weights[f][c][ky][kx] = Σ g[f][oy][ox]·input[c][oy·stride −
  ;; padding + ky][ox·stride − padding + kx] over the output pixels whose tap lands inside the
  ;; image, each sum in order of (oy, ox) from 0, then added to $weightGradient and
  ;; $biasGradient. Two filters at a time, one per lane: $pairs is room for their gradients
  ;; side by side. $shape is as for convForward.
  (func (export "convBackward") (param $shape i32) (param $input i32) (param $gradient i32) (param $weightGradient i32) (param $biasGradient i32) (param $pairs i32)
    (local $channels i32) (local $height i32) (local $width i32) (local $filters i32) (local $kh i32) (local $kw i32)
    (local $stride i32) (local $padding i32) (local $oh i32) (local $ow i32)
    (local $plane i32) (local $taps i32) (local $f i32) (local $c i32) (local $ky i32) (local $kx i32)
    (local $y0 i32) (local $y1 i32) (local $x0 i32) (local $x1 i32) (local $a i32) (local $oy i32)
    (local $p i32) (local $end i32) (local $g i32) (local $in i32) (local $tap i32) (local $two i32)
    (local $sum v128)
    (local.set $channels (i32.load (local.get $shape)))
    (local.set $height (i32.load offset=4 (local.get $shape)))
    (local.set $width (i32.load offset=8 (local.get $shape)))
    (local.set $filters (i32.load offset=12 (local.get $shape)))
    (local.set $kh (i32.load offset=16 (local.get $shape)))
    (local.set $kw (i32.load offset=20 (local.get $shape)))
    (local.set $stride (i32.load offset=24 (local.get $shape)))
    (local.set $padding (i32.load offset=28 (local.get $shape)))
    (local.set $oh (i32.load offset=32 (local.get $shape)))
    (local.set $ow (i32.load offset=36 (local.get $shape)))
    (local.set $plane (i32.mul (local.get $oh) (local.get $ow)))
    (local.set $taps (i32.mul (local.get $channels) (i32.mul (local.get $kh) (local.get $kw))))
    (local.set $f (i32.const 0))
    (loop $filterPair
      (local.set $two (i32.lt_u (i32.add (local.get $f) (i32.const 1)) (local.get $filters)))
      ;; The pair's gradients side by side, and the bias gradients' sums.
      (local.set $g (i32.add (local.get $gradient) (i32.shl (i32.mul (local.get $f) (local.get $plane)) (i32.const 3))))
      (local.set $p (local.get $pairs))
      (local.set $end (i32.add (local.get $pairs) (i32.shl (local.get $plane) (i32.const 4))))
      (local.set $sum (v128.const i64x2 0 0))
      (loop $pixel
        (v128.store (local.get $p)
          (f64x2.replace_lane 1 (v128.load64_splat (local.get $g))
            (if (result f64) (local.get $two)
              (then (f64.load (i32.add (local.get $g) (i32.shl (local.get $plane) (i32.const 3)))))
              (else (f64.const 0)))))
        (local.set $sum (f64x2.add (local.get $sum) (v128.load (local.get $p))))
        (local.set $g (i32.add (local.get $g) (i32.const 8)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br_if $pixel (i32.lt_u (local.get $p) (local.get $end))))
      (call $addLanes (i32.add (local.get $biasGradient) (i32.shl (local.get $f) (i32.const 3))) (i32.const 8) (local.get $two) (local.get $sum))
      (local.set $tap (i32.add (local.get $weightGradient) (i32.shl (i32.mul (local.get $f) (local.get $taps)) (i32.const 3))))
      (local.set $c (i32.const 0))
      (loop $channel
        (local.set $ky (i32.const 0))
        (loop $kernelRow
          ;; The output rows [y0, y1) whose tap ky lands inside the image.
          (local.set $a (i32.sub (local.get $padding) (local.get $ky)))
          (local.set $y0 (select (i32.div_u (i32.add (local.get $a) (i32.sub (local.get $stride) (i32.const 1))) (local.get $stride)) (i32.const 0) (i32.gt_s (local.get $a) (i32.const 0))))
          (local.set $a (i32.add (i32.sub (local.get $height) (i32.const 1)) (local.get $a)))
          (local.set $y1 (select (i32.add (i32.div_u (local.get $a) (local.get $stride)) (i32.const 1)) (i32.const 0) (i32.ge_s (local.get $a) (i32.const 0))))
          (if (i32.gt_s (local.get $y1) (local.get $oh)) (then (local.set $y1 (local.get $oh))))
          (local.set $kx (i32.const 0))
          (loop $kernelColumn
            (local.set $a (i32.sub (local.get $padding) (local.get $kx)))
            (local.set $x0 (select (i32.div_u (i32.add (local.get $a) (i32.sub (local.get $stride) (i32.const 1))) (local.get $stride)) (i32.const 0) (i32.gt_s (local.get $a) (i32.const 0))))
            (local.set $a (i32.add (i32.sub (local.get $width) (i32.const 1)) (local.get $a)))
            (local.set $x1 (select (i32.add (i32.div_u (local.get $a) (local.get $stride)) (i32.const 1)) (i32.const 0) (i32.ge_s (local.get $a) (i32.const 0))))
            (if (i32.gt_s (local.get $x1) (local.get $ow)) (then (local.set $x1 (local.get $ow))))
            (local.set $sum (v128.const i64x2 0 0))
            (local.set $oy (local.get $y0))
            (block $rowsDone
              (loop $outputRow
                (br_if $rowsDone (i32.ge_s (local.get $oy) (local.get $y1)))
                (br_if $rowsDone (i32.ge_s (local.get $x0) (local.get $x1)))
                ;; g: the pair's gradients at (oy, x0); in: input[c][oy·stride − padding + ky][x0·stride − padding + kx].
                (local.set $g (i32.add (local.get $pairs) (i32.shl (i32.add (i32.mul (local.get $oy) (local.get $ow)) (local.get $x0)) (i32.const 4))))
                (local.set $end (i32.add (local.get $g) (i32.shl (i32.sub (local.get $x1) (local.get $x0)) (i32.const 4))))
                (local.set $in (i32.add (local.get $input) (i32.shl
                  (i32.add
                    (i32.mul (i32.add (i32.mul (local.get $c) (local.get $height)) (i32.sub (i32.add (i32.mul (local.get $oy) (local.get $stride)) (local.get $ky)) (local.get $padding))) (local.get $width))
                    (i32.sub (i32.add (i32.mul (local.get $x0) (local.get $stride)) (local.get $kx)) (local.get $padding)))
                  (i32.const 3))))
                (loop $outputColumn
                  (local.set $sum (f64x2.add (local.get $sum) (f64x2.mul (v128.load (local.get $g)) (v128.load64_splat (local.get $in)))))
                  (local.set $g (i32.add (local.get $g) (i32.const 16)))
                  (local.set $in (i32.add (local.get $in) (i32.shl (local.get $stride) (i32.const 3))))
                  (br_if $outputColumn (i32.lt_u (local.get $g) (local.get $end))))
                (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
                (br $outputRow)))
            (call $addLanes (local.get $tap) (i32.shl (local.get $taps) (i32.const 3)) (local.get $two) (local.get $sum))
            (local.set $tap (i32.add (local.get $tap) (i32.const 8)))
            (local.set $kx (i32.add (local.get $kx) (i32.const 1)))
            (br_if $kernelColumn (i32.lt_u (local.get $kx) (local.get $kw))))
          (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
          (br_if $kernelRow (i32.lt_u (local.get $ky) (local.get $kh))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br_if $channel (i32.lt_u (local.get $c) (local.get $channels))))
      (local.set $f (i32.add (local.get $f) (i32.const 2)))
      (br_if $filterPair (i32.lt_u (local.get $f) (local.get $filters)))))

  ;; denseBackward of src/cnn-kernels.ts: xDelta = 0; then for each output k < m in order,
  ;;   b'[k] += d[k];  w'[k][j] += d[k]·x[j];  xDelta[j] += w[k][j]·d[k]   for j < n,
  ;; two inputs j at a time (one per lane), an odd last alone. w, w' row-major.
  (func (export "denseBackward")
    (param $w i32) (param $n i32) (param $m i32) (param $x i32) (param $d i32) (param $wg i32) (param $bg i32) (param $xd i32)
    (local $j i32) (local $pairs i32) (local $row i32) (local $end i32) (local $dk f64) (local $ds v128)
    (local.set $row (i32.shl (local.get $n) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $row) (i32.const -16)))
    (memory.fill (local.get $xd) (i32.const 0) (local.get $row))
    (local.set $end (i32.add (local.get $d) (i32.shl (local.get $m) (i32.const 3))))
    (block $outputsDone
      (br_if $outputsDone (i32.ge_u (local.get $d) (local.get $end)))
      (loop $output
        (local.set $dk (f64.load (local.get $d)))
        (local.set $ds (f64x2.splat (local.get $dk)))
        (f64.store (local.get $bg) (f64.add (f64.load (local.get $bg)) (local.get $dk)))
        (local.set $j (i32.const 0))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone (i32.ge_u (local.get $j) (local.get $pairs)))
            (v128.store (i32.add (local.get $wg) (local.get $j))
              (f64x2.add (v128.load (i32.add (local.get $wg) (local.get $j)))
                (f64x2.mul (local.get $ds) (v128.load (i32.add (local.get $x) (local.get $j))))))
            (v128.store (i32.add (local.get $xd) (local.get $j))
              (f64x2.add (v128.load (i32.add (local.get $xd) (local.get $j)))
                (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $j))) (local.get $ds))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $pair)))
        (if (i32.lt_u (local.get $j) (local.get $row))
          (then
            (f64.store (i32.add (local.get $wg) (local.get $j))
              (f64.add (f64.load (i32.add (local.get $wg) (local.get $j)))
                (f64.mul (local.get $dk) (f64.load (i32.add (local.get $x) (local.get $j))))))
            (f64.store (i32.add (local.get $xd) (local.get $j))
              (f64.add (f64.load (i32.add (local.get $xd) (local.get $j)))
                (f64.mul (f64.load (i32.add (local.get $w) (local.get $j))) (local.get $dk))))))
        (local.set $w (i32.add (local.get $w) (local.get $row)))
        (local.set $wg (i32.add (local.get $wg) (local.get $row)))
        (local.set $bg (i32.add (local.get $bg) (i32.const 8)))
        (local.set $d (i32.add (local.get $d) (i32.const 8)))
        (br_if $output (i32.lt_u (local.get $d) (local.get $end))))))

  ;; ReLU of src/activations.ts over n values: y = z > 0 ? z : 0 (so 0 for NaN), two at a time.
  (func (export "relu") (param $z i32) (param $y i32) (param $n i32)
    (local $end i32) (local $v v128)
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $pair
        (br_if $done (i32.gt_u (i32.add (local.get $z) (i32.const 16)) (local.get $end)))
        (local.set $v (v128.load (local.get $z)))
        (v128.store (local.get $y) (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (br $pair)))
    (if (i32.lt_u (local.get $z) (local.get $end))
      (then (f64.store (local.get $y)
        (select (f64.load (local.get $z)) (f64.const 0) (f64.gt (f64.load (local.get $z)) (f64.const 0)))))))

  ;; ReLU's backward pass over n values: delta *= z > 0 ? 1 : 0, two at a time.
  (func (export "reluBackward") (param $z i32) (param $delta i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $pair
        (br_if $done (i32.gt_u (i32.add (local.get $z) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $delta)
          (f64x2.mul (v128.load (local.get $delta))
            (v128.and (f64x2.splat (f64.const 1)) (f64x2.gt (v128.load (local.get $z)) (v128.const i64x2 0 0)))))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $delta (i32.add (local.get $delta) (i32.const 16)))
        (br $pair)))
    (if (i32.lt_u (local.get $z) (local.get $end))
      (then (f64.store (local.get $delta)
        (f64.mul (f64.load (local.get $delta))
          (select (f64.const 1) (f64.const 0) (f64.gt (f64.load (local.get $z)) (f64.const 0))))))))

  ;; Adds lane 0 of $sum to the double at $at, and lane 1 to the one $step bytes on if $two.
  (func $addLanes (param $at i32) (param $step i32) (param $two i32) (param $sum v128)
    (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64x2.extract_lane 0 (local.get $sum))))
    (if (local.get $two)
      (then
        (local.set $at (i32.add (local.get $at) (local.get $step)))
        (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64x2.extract_lane 1 (local.get $sum)))))))
)

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
  ;; output height, output width. $pairs is room for two filters' kernels side by side;
  ;; $offsets holds, for each tap (c, ky, kx), the bytes from input[0][0][0] to input[c][ky][kx].
  ;; Each output pixel sums in registers, two filters at a time (one per lane): its bias, then
  ;; kernel × input for the taps inside the image, channel by channel, row by row — the taps
  ;; JavaScript adds, in its order. An odd last filter rides in lane 0 beside zeros. A pixel
  ;; whose window lies wholly inside the image runs down every tap by its offset.
  (func (export "convForward") (param $shape i32) (param $input i32) (param $weights i32) (param $bias i32) (param $output i32) (param $pairs i32) (param $offsets i32)
    (local $channels i32) (local $height i32) (local $width i32) (local $filters i32) (local $kh i32) (local $kw i32)
    (local $stride i32) (local $padding i32) (local $oh i32) (local $ow i32)
    (local $taps i32) (local $plane i32) (local $f i32) (local $i i32) (local $c i32)
    (local $oy i32) (local $ox i32) (local $y i32) (local $x i32)
    (local $ky i32) (local $kyEnd i32) (local $kx i32) (local $kxEnd i32)
    (local $kyStart i32) (local $in i32) (local $w i32) (local $p i32) (local $end i32) (local $out i32) (local $sum v128) (local $next v128) (local $o i32) (local $wv v128) (local $two i32) (local $inside i32)
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
    (local.set $taps (i32.mul (local.get $channels) (i32.mul (local.get $kh) (local.get $kw))))
    (local.set $plane (i32.shl (i32.mul (local.get $oh) (local.get $ow)) (i32.const 3)))
    (local.set $f (i32.const 0))
    (loop $filterPair
      (local.set $two (i32.lt_u (i32.add (local.get $f) (i32.const 1)) (local.get $filters)))
      ;; The pair's kernels side by side: pairs[2t] = filter f's tap t, pairs[2t + 1] = filter f + 1's (or 0).
      (local.set $i (i32.const 0))
      (loop $tap
        (local.set $p (i32.add (local.get $weights) (i32.shl (i32.add (i32.mul (local.get $f) (local.get $taps)) (local.get $i)) (i32.const 3))))
        (v128.store (i32.add (local.get $pairs) (i32.shl (local.get $i) (i32.const 4)))
          (f64x2.replace_lane 1 (v128.load64_splat (local.get $p))
            (if (result f64) (local.get $two)
              (then (f64.load (i32.add (local.get $p) (i32.shl (local.get $taps) (i32.const 3)))))
              (else (f64.const 0)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $tap (i32.lt_u (local.get $i) (local.get $taps))))
      (local.set $out (i32.add (local.get $output) (i32.mul (local.get $f) (local.get $plane))))
      (local.set $oy (i32.const 0))
      (loop $outputRow
        ;; The input row of kernel row 0, and the kernel rows that land inside the image.
        (local.set $y (i32.sub (i32.mul (local.get $oy) (local.get $stride)) (local.get $padding)))
        (local.set $kyStart (select (i32.sub (i32.const 0) (local.get $y)) (i32.const 0) (i32.lt_s (local.get $y) (i32.const 0))))
        (local.set $kyEnd (i32.sub (local.get $height) (local.get $y)))
        (if (i32.gt_s (local.get $kyEnd) (local.get $kh)) (then (local.set $kyEnd (local.get $kh))))
        (local.set $ox (i32.const 0))
        (loop $outputColumn
          (local.set $x (i32.sub (i32.mul (local.get $ox) (local.get $stride)) (local.get $padding)))
          (local.set $kx (select (i32.sub (i32.const 0) (local.get $x)) (i32.const 0) (i32.lt_s (local.get $x) (i32.const 0))))
          (local.set $kxEnd (i32.sub (local.get $width) (local.get $x)))
          (if (i32.gt_s (local.get $kxEnd) (local.get $kw)) (then (local.set $kxEnd (local.get $kw))))
          ;; A window wholly in the padding has no columns: kxEnd no lower than kx keeps its range empty.
          (if (i32.lt_s (local.get $kxEnd) (local.get $kx)) (then (local.set $kxEnd (local.get $kx))))
          (local.set $sum
            (f64x2.replace_lane 1 (v128.load64_splat (i32.add (local.get $bias) (i32.shl (local.get $f) (i32.const 3))))
              (if (result f64) (local.get $two)
                (then (f64.load offset=8 (i32.add (local.get $bias) (i32.shl (local.get $f) (i32.const 3)))))
                (else (f64.const 0)))))
          ;; This pixel's window wholly inside the image; in: input[0][y][x], where its window starts.
          (local.set $inside (i32.eqz (i32.or (i32.or (local.get $kx) (local.get $kyStart))
            (i32.or (i32.ne (local.get $kxEnd) (local.get $kw)) (i32.ne (local.get $kyEnd) (local.get $kh))))))
          (local.set $in (i32.add (local.get $input) (i32.shl (i32.add (i32.mul (local.get $y) (local.get $width)) (local.get $x)) (i32.const 3))))
          (block $advance
            ;; This pixel's window and the next one's both inside the image: the two at once.
            (if (i32.and
                  (local.get $inside)
                  (i32.and (i32.lt_u (i32.add (local.get $ox) (i32.const 1)) (local.get $ow))
                    (i32.le_s (i32.add (i32.add (local.get $x) (local.get $stride)) (local.get $kw)) (local.get $width))))
              (then
                (local.set $next (local.get $sum))
                (local.set $w (local.get $pairs))
                (local.set $p (local.get $offsets))
                (local.set $end (i32.add (local.get $offsets) (i32.shl (local.get $taps) (i32.const 2))))
                (loop $everyTapOfTwo
                  (local.set $o (i32.add (local.get $in) (i32.load (local.get $p))))
                  (local.set $wv (v128.load (local.get $w)))
                  (local.set $sum (f64x2.add (local.get $sum) (f64x2.mul (local.get $wv) (v128.load64_splat (local.get $o)))))
                  (local.set $next (f64x2.add (local.get $next)
                    (f64x2.mul (local.get $wv) (v128.load64_splat (i32.add (local.get $o) (i32.shl (local.get $stride) (i32.const 3)))))))
                  (local.set $w (i32.add (local.get $w) (i32.const 16)))
                  (local.set $p (i32.add (local.get $p) (i32.const 4)))
                  (br_if $everyTapOfTwo (i32.lt_u (local.get $p) (local.get $end))))
                (f64.store (local.get $out) (f64x2.extract_lane 0 (local.get $sum)))
                (f64.store offset=8 (local.get $out) (f64x2.extract_lane 0 (local.get $next)))
                (if (local.get $two)
                  (then
                    (f64.store (i32.add (local.get $out) (local.get $plane)) (f64x2.extract_lane 1 (local.get $sum)))
                    (f64.store offset=8 (i32.add (local.get $out) (local.get $plane)) (f64x2.extract_lane 1 (local.get $next)))))
                (local.set $out (i32.add (local.get $out) (i32.const 8)))
                (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
                (br $advance)))
            (if (local.get $inside)
              (then
                (local.set $w (local.get $pairs))
                (local.set $p (local.get $offsets))
                (local.set $end (i32.add (local.get $offsets) (i32.shl (local.get $taps) (i32.const 2))))
                (loop $everyTap
                  (local.set $sum (f64x2.add (local.get $sum)
                    (f64x2.mul (v128.load (local.get $w)) (v128.load64_splat (i32.add (local.get $in) (i32.load (local.get $p)))))))
                  (local.set $w (i32.add (local.get $w) (i32.const 16)))
                  (local.set $p (i32.add (local.get $p) (i32.const 4)))
                  (br_if $everyTap (i32.lt_u (local.get $p) (local.get $end)))))
              (else
                (local.set $c (i32.const 0))
                (loop $channel
                  (local.set $ky (local.get $kyStart))
                  (block $rowsDone
                    (loop $kernelRow
                      (br_if $rowsDone (i32.ge_s (local.get $ky) (local.get $kyEnd)))
                      ;; in: input[c][y + ky][x + kx]; w: the pair's tap (c, ky, kx).
                      (local.set $in (i32.add (local.get $input) (i32.shl
                        (i32.add (i32.mul (i32.add (i32.mul (local.get $c) (local.get $height)) (i32.add (local.get $y) (local.get $ky))) (local.get $width))
                          (i32.add (local.get $x) (local.get $kx)))
                        (i32.const 3))))
                      (local.set $w (i32.add (local.get $pairs) (i32.shl
                        (i32.add (i32.mul (i32.add (i32.mul (local.get $c) (local.get $kh)) (local.get $ky)) (local.get $kw)) (local.get $kx))
                        (i32.const 4))))
                      (local.set $end (i32.add (local.get $in) (i32.shl (i32.sub (local.get $kxEnd) (local.get $kx)) (i32.const 3))))
                      (block $columnsDone
                        (loop $kernelColumn
                          (br_if $columnsDone (i32.ge_u (local.get $in) (local.get $end)))
                          (local.set $sum (f64x2.add (local.get $sum)
                            (f64x2.mul (v128.load (local.get $w)) (v128.load64_splat (local.get $in)))))
                          (local.set $in (i32.add (local.get $in) (i32.const 8)))
                          (local.set $w (i32.add (local.get $w) (i32.const 16)))
                          (br $kernelColumn)))
                      (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
                      (br $kernelRow)))
                  (local.set $c (i32.add (local.get $c) (i32.const 1)))
                  (br_if $channel (i32.lt_u (local.get $c) (local.get $channels))))))
            (f64.store (local.get $out) (f64x2.extract_lane 0 (local.get $sum)))
            (if (local.get $two)
              (then (f64.store (i32.add (local.get $out) (local.get $plane)) (f64x2.extract_lane 1 (local.get $sum))))))
          (local.set $out (i32.add (local.get $out) (i32.const 8)))
          (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
          (br_if $outputColumn (i32.lt_u (local.get $ox) (local.get $ow))))
        (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
        (br_if $outputRow (i32.lt_u (local.get $oy) (local.get $oh))))
      (local.set $f (i32.add (local.get $f) (i32.const 2)))
      (br_if $filterPair (i32.lt_u (local.get $f) (local.get $filters)))))

  ;; maxPoolForward of src/pool.ts: each window's largest value into $output and its index
  ;; (in doubles from $input) into $argmax; a NaN wins, the last NaN of a window.
  (func (export "maxPool")
    (param $channels i32) (param $height i32) (param $width i32) (param $size i32) (param $stride i32)
    (param $outHeight i32) (param $outWidth i32) (param $input i32) (param $output i32) (param $argmax i32)
    (local $c i32) (local $oy i32) (local $ox i32) (local $ky i32) (local $kx i32)
    (local $base i32) (local $origin i32) (local $row i32) (local $best i32) (local $at i32) (local $wins i32) (local $max f64) (local $v f64)
    (local.set $c (i32.const 0))
    (loop $channel
      (local.set $base (i32.mul (i32.mul (local.get $c) (local.get $height)) (local.get $width)))
      (local.set $oy (i32.const 0))
      (loop $outputRow
        (local.set $ox (i32.const 0))
        (loop $outputColumn
          (local.set $origin (i32.add (local.get $base)
            (i32.add (i32.mul (i32.mul (local.get $oy) (local.get $stride)) (local.get $width)) (i32.mul (local.get $ox) (local.get $stride)))))
          (local.set $best (local.get $origin))
          (local.set $max (f64.load (i32.add (local.get $input) (i32.shl (local.get $best) (i32.const 3)))))
          (local.set $ky (i32.const 0))
          (loop $windowRow
            (local.set $row (i32.add (local.get $origin) (i32.mul (local.get $ky) (local.get $width))))
            (local.set $kx (i32.const 0))
            (loop $windowColumn
              (local.set $at (i32.add (local.get $row) (local.get $kx)))
              (local.set $v (f64.load (i32.add (local.get $input) (i32.shl (local.get $at) (i32.const 3)))))
              (local.set $wins (i32.or (f64.gt (local.get $v) (local.get $max)) (f64.ne (local.get $v) (local.get $v))))
              (local.set $max (select (local.get $v) (local.get $max) (local.get $wins)))
              (local.set $best (select (local.get $at) (local.get $best) (local.get $wins)))
              (local.set $kx (i32.add (local.get $kx) (i32.const 1)))
              (br_if $windowColumn (i32.lt_u (local.get $kx) (local.get $size))))
            (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
            (br_if $windowRow (i32.lt_u (local.get $ky) (local.get $size))))
          (f64.store (local.get $output) (local.get $max))
          (i32.store (local.get $argmax) (local.get $best))
          (local.set $output (i32.add (local.get $output) (i32.const 8)))
          (local.set $argmax (i32.add (local.get $argmax) (i32.const 4)))
          (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
          (br_if $outputColumn (i32.lt_u (local.get $ox) (local.get $outWidth))))
        (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
        (br_if $outputRow (i32.lt_u (local.get $oy) (local.get $outHeight))))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br_if $channel (i32.lt_u (local.get $c) (local.get $channels)))))

  ;; The dense layer's sums: z[k] = ((b[k] + w[k][0]·x[0]) + w[k][1]·x[1]) + … for k < m,
  ;; w row-major (n inputs a row). Two classes at a time, one per lane; an odd last alone.
  (func (export "denseSums") (param $w i32) (param $b i32) (param $n i32) (param $m i32) (param $x i32) (param $z i32)
    (local $row i32) (local $end i32) (local $p i32) (local $q i32) (local $zEnd i32) (local $sum v128) (local $one f64)
    (local.set $row (i32.shl (local.get $n) (i32.const 3)))
    (local.set $end (i32.add (local.get $x) (local.get $row)))
    (local.set $zEnd (i32.add (local.get $z) (i32.shl (local.get $m) (i32.const 3))))
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

;; The gradient of a convolution with respect to its filter, dW = Pᵀ · dy, as one
;; WebAssembly SIMD function (see ../wasmSimdFilterGrad.ts, which lays out the memory).
;;
;;   dW[r, f] = Σₖ X[base(k) + off(r)] · dy[k, f]
;;
;; k runs over the output positions (n, y, x) in order; dy is channels last, so row k of dy
;; is F floats at dy + k·F·4. X is the input, already zero-padded, and base(k) is the
;; byte address of the top-left of position k's window:
;;   base(n, y, x) = $x + n·$image + y·$rowStep + x·$colStep.
;; off(r) is the byte offset, from there, of row r = (i, j, c) of the patch, read from the
;; table at $offs (one i32 per row, `rows` of them, a multiple of 6).
;;
;; Six rows by eight columns of dW stay in twelve v128 registers for the whole sum over
;; k, so each step loads two vectors of dy and six single values of X and does 48
;; multiply-adds: XNNPACK, through tfjs, instead repacks a patch matrix for every call.
;; The body is unrolled by hand because WebAssembly has no macros. Columns come in groups
;; of eight; the lanes past F (and rows past the real ones, whose offsets are 0) are
;; computed and thrown away by the caller, which also leaves 32 bytes after dy to read.
;; `out` gets rows × groups·8 floats, row r's group g at out + (r·groups + g)·32.
(module
  (memory (export "memory") 1)
  (func (export "filterGrad")
    (param $x i32) (param $dy i32) (param $offs i32) (param $out i32)
    (param $rows i32) (param $groups i32) (param $dyRow i32)
    (param $n i32) (param $oh i32) (param $ow i32)
    (param $image i32) (param $rowStep i32) (param $colStep i32)
    (local $rb i32) (local $g i32) (local $t i32) (local $q i32) (local $outRow i32)
    (local $in i32) (local $iy i32) (local $ix i32)
    (local $p i32) (local $rowP i32) (local $imgP i32) (local $dyp i32)
    (local $s v128) (local $d0 v128) (local $d1 v128)
    (local $a00 v128) (local $a01 v128)
    (local $a10 v128) (local $a11 v128)
    (local $a20 v128) (local $a21 v128)
    (local $a30 v128) (local $a31 v128)
    (local $a40 v128) (local $a41 v128)
    (local $a50 v128) (local $a51 v128)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $o4 i32) (local $o5 i32)
    (local.set $outRow (i32.shl (local.get $groups) (i32.const 5)))
    ;; for each block of six rows
    (block $rowsDone (loop $rowBlocks
      (br_if $rowsDone (i32.ge_u (local.get $rb) (local.get $rows)))
      (local.set $t (i32.add (local.get $offs) (i32.shl (local.get $rb) (i32.const 2))))
      (local.set $o0 (i32.load offset=0 (local.get $t)))
      (local.set $o1 (i32.load offset=4 (local.get $t)))
      (local.set $o2 (i32.load offset=8 (local.get $t)))
      (local.set $o3 (i32.load offset=12 (local.get $t)))
      (local.set $o4 (i32.load offset=16 (local.get $t)))
      (local.set $o5 (i32.load offset=20 (local.get $t)))
      ;; for each group of eight columns
      (local.set $g (i32.const 0))
      (block $groupsDone (loop $groupLoop
        (br_if $groupsDone (i32.ge_u (local.get $g) (local.get $groups)))
        (local.set $a00 (v128.const i32x4 0 0 0 0)) (local.set $a01 (v128.const i32x4 0 0 0 0))
        (local.set $a10 (v128.const i32x4 0 0 0 0)) (local.set $a11 (v128.const i32x4 0 0 0 0))
        (local.set $a20 (v128.const i32x4 0 0 0 0)) (local.set $a21 (v128.const i32x4 0 0 0 0))
        (local.set $a30 (v128.const i32x4 0 0 0 0)) (local.set $a31 (v128.const i32x4 0 0 0 0))
        (local.set $a40 (v128.const i32x4 0 0 0 0)) (local.set $a41 (v128.const i32x4 0 0 0 0))
        (local.set $a50 (v128.const i32x4 0 0 0 0)) (local.set $a51 (v128.const i32x4 0 0 0 0))
        (local.set $dyp (i32.add (local.get $dy) (i32.shl (local.get $g) (i32.const 5))))
        (local.set $imgP (local.get $x))
        ;; Σ over n, y, x (each count at least 1; the caller checks)
        (local.set $in (local.get $n))
        (loop $images
          (local.set $rowP (local.get $imgP))
          (local.set $iy (local.get $oh))
          (loop $outRows
            (local.set $p (local.get $rowP))
            (local.set $ix (local.get $ow))
            (loop $outColumns
            (local.set $d0 (v128.load offset=0 (local.get $dyp)))
            (local.set $d1 (v128.load offset=16 (local.get $dyp)))
            ;; row 0
            (local.set $s (v128.load32_splat (i32.add (local.get $p) (local.get $o0))))
            (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $s) (local.get $d0))))
            (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $s) (local.get $d1))))
            ;; row 1
            (local.set $s (v128.load32_splat (i32.add (local.get $p) (local.get $o1))))
            (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $s) (local.get $d0))))
            (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $s) (local.get $d1))))
            ;; row 2
            (local.set $s (v128.load32_splat (i32.add (local.get $p) (local.get $o2))))
            (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $s) (local.get $d0))))
            (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $s) (local.get $d1))))
            ;; row 3
            (local.set $s (v128.load32_splat (i32.add (local.get $p) (local.get $o3))))
            (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $s) (local.get $d0))))
            (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $s) (local.get $d1))))
            ;; row 4
            (local.set $s (v128.load32_splat (i32.add (local.get $p) (local.get $o4))))
            (local.set $a40 (f32x4.add (local.get $a40) (f32x4.mul (local.get $s) (local.get $d0))))
            (local.set $a41 (f32x4.add (local.get $a41) (f32x4.mul (local.get $s) (local.get $d1))))
            ;; row 5
            (local.set $s (v128.load32_splat (i32.add (local.get $p) (local.get $o5))))
            (local.set $a50 (f32x4.add (local.get $a50) (f32x4.mul (local.get $s) (local.get $d0))))
            (local.set $a51 (f32x4.add (local.get $a51) (f32x4.mul (local.get $s) (local.get $d1))))
              (local.set $p (i32.add (local.get $p) (local.get $colStep)))
              (local.set $dyp (i32.add (local.get $dyp) (local.get $dyRow)))
              (br_if $outColumns (local.tee $ix (i32.sub (local.get $ix) (i32.const 1)))))
            (local.set $rowP (i32.add (local.get $rowP) (local.get $rowStep)))
            (br_if $outRows (local.tee $iy (i32.sub (local.get $iy) (i32.const 1)))))
          (local.set $imgP (i32.add (local.get $imgP) (local.get $image)))
          (br_if $images (local.tee $in (i32.sub (local.get $in) (i32.const 1)))))
        ;; the block's 6 × 8 sums to out
        (local.set $q (i32.add (local.get $out)
          (i32.add (i32.mul (local.get $rb) (local.get $outRow)) (i32.shl (local.get $g) (i32.const 5)))))
        (v128.store offset=0 (local.get $q) (local.get $a00)) (v128.store offset=16 (local.get $q) (local.get $a01))
        (local.set $q (i32.add (local.get $q) (local.get $outRow)))
        (v128.store offset=0 (local.get $q) (local.get $a10)) (v128.store offset=16 (local.get $q) (local.get $a11))
        (local.set $q (i32.add (local.get $q) (local.get $outRow)))
        (v128.store offset=0 (local.get $q) (local.get $a20)) (v128.store offset=16 (local.get $q) (local.get $a21))
        (local.set $q (i32.add (local.get $q) (local.get $outRow)))
        (v128.store offset=0 (local.get $q) (local.get $a30)) (v128.store offset=16 (local.get $q) (local.get $a31))
        (local.set $q (i32.add (local.get $q) (local.get $outRow)))
        (v128.store offset=0 (local.get $q) (local.get $a40)) (v128.store offset=16 (local.get $q) (local.get $a41))
        (local.set $q (i32.add (local.get $q) (local.get $outRow)))
        (v128.store offset=0 (local.get $q) (local.get $a50)) (v128.store offset=16 (local.get $q) (local.get $a51))
        (local.set $q (i32.add (local.get $q) (local.get $outRow)))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $groupLoop)))
      (local.set $rb (i32.add (local.get $rb) (i32.const 6)))
      (br $rowBlocks)))))

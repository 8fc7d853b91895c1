#include <stdio.h>
#include <jpeglib.h>
#include <turbojpeg.h>
